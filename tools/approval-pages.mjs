// Opens the pages behind action links in headless Chromium as an approver would, with the keyboard only, and
// prints what it saw as JSON: each step's HTTP status, the page's text and its screenshot file.
// Usage: node approval-pages.mjs <english reject link> <german approve link> <screenshot dir> <mail html file>
//        [<name>=<url> ...]   further pages only to open and record, such as an expired link
import { enter, launchChromium, tabTo } from './browser.mjs';
import { mkdirSync } from 'node:fs';

const [rejectLink, germanLink, shots, mail, ...others] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const browser = await launchChromium();
const steps = [];
try {
  const desk = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const record = async (page, name, response) => {
    const file = `${shots}/${name}.png`;
    await page.screenshot({ path: file, fullPage: true });
    steps.push({ name, status: response ? response.status() : null, text: await page.innerText('body'),
      focused: await page.evaluate(() => document.activeElement && document.activeElement.outerHTML.slice(0, 120)),
      screenshot: file });
  };

  await record(desk, 'mail', await desk.goto(`file://${mail}`));
  await record(desk, 'page-opened', await desk.goto(rejectLink));

  // The followed link's answer (Reject) is the first button after the comment field.
  await tabTo(desk, 'button[value="reject"]', 15);
  await record(desk, 'reason-missing', await enter(desk));

  // The refusal puts the focus in the comment field, whose next stop is Reject again.
  await desk.keyboard.type('Budget line IT-2027-04 is exhausted.');
  await desk.keyboard.press('Tab');
  await record(desk, 'recorded', await enter(desk));

  await record(desk, 'link-opened-again', await desk.goto(rejectLink));

  for (const other of others) {
    const at = other.indexOf('=');
    await record(desk, other.slice(0, at), await desk.goto(other.slice(at + 1)));
  }

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await record(phone, 'german-page-on-a-phone', await phone.goto(germanLink));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(steps));
