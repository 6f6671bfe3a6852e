// Signs in to the console of a server in headless Chromium with the keyboard, as an operator would, and signs out
// again; prints what it saw as JSON: each step's URL, HTTP status and the page's text, and the cookie the browser
// kept (its flags, never its value).
// Usage: node console-sign-in.mjs <base url> <API key>
import { enter, launchChromium } from './browser.mjs';

const [base, key] = process.argv.slice(2);
const browser = await launchChromium();
const steps = [];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = async (name, response) => {
    steps.push({ name, url: page.url(), status: response ? response.status() : null,
      text: await page.innerText('body') });
  };

  // Without a session a console page sends the browser to the sign-in form, whose key field has the focus.
  await record('unsigned', await page.goto(`${base}/console/dead-letters`));
  await page.keyboard.insertText(key);
  await record('signed-in', await enter(page));
  const cookies = await context.cookies();
  steps.push({ name: 'cookie', url: null, status: null, text: JSON.stringify(cookies.map((c) => ({
    name: c.name, path: c.path, httpOnly: c.httpOnly, secure: c.secure, sameSite: c.sameSite,
    isTheKey: c.value.includes(key) }))) });
  await record('dead-letters', await page.goto(`${base}/console/dead-letters`));
  await page.focus('footer button');
  await record('signed-out', await enter(page));
  await record('after-sign-out', await page.goto(`${base}/console/tasks`));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(steps));
