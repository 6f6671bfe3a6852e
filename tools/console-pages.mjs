// Uses the operator console in headless Chromium as an operator would, with the keyboard only, and prints what it
// saw as JSON: each step's HTTP status, the page's text and its screenshot file.
// Usage: node console-pages.mjs <base url> <screenshot dir> <id of an event about to arrive>
//        <id of a dead notification> <CloudEvent JSON to test the rules with>
// It prints "watching" on a line of its own once the activity page is open: the caller then sends the event, and
// the page must show it without anyone touching it.
import { enter, launchChromium, tabTo } from './browser.mjs';
import { mkdirSync } from 'node:fs';

const [base, shots, arrivingId, deadId, ruleEvent] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const browser = await launchChromium();
const steps = [];
try {
  const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const record = async (page, name, response, fullPage = true) => {
    const file = `${shots}/${name}.png`;
    await page.screenshot({ path: file, fullPage });
    steps.push({ name, status: response ? response.status() : null, text: await page.innerText('body'),
      screenshot: file });
  };

  // The activity page reloads itself; the event sent after it opened must appear without any key pressed.
  await desk.goto(`${base}/console`);
  process.stdout.write('watching\n');
  const deadline = Date.now() + 30000;
  let seen = false;
  while (!seen && Date.now() < deadline) {
    try {
      seen = (await desk.content()).includes(arrivingId);
    } catch (navigating) {
      // the page is reloading itself; look again
    }
    if (!seen) {
      await desk.waitForLoadState('load').catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await desk.waitForLoadState('load');
  await record(desk, 'activity', null);
  steps[steps.length - 1].arrived = seen;
  // what fits on one screen, for the README
  await record(desk, 'activity-screen', null, false);

  // The new event's row opens its timeline. A fresh load, so that no reload interrupts the keys.
  await desk.goto(`${base}/console?minutes=15&live=off`);
  await tabTo(desk, `a[href*="${encodeURIComponent(arrivingId)}"]`, 80);
  await record(desk, 'event-timeline', await enter(desk));

  await record(desk, 'dead-letters', await desk.goto(`${base}/console/dead-letters`));
  await tabTo(desk, `a[href$="id=${encodeURIComponent(deadId)}"]`, 80);
  await record(desk, 'replay-confirm', await enter(desk));
  // Opening the confirmation did nothing: the dead letters, read in another tab, still list it.
  const other = await browser.newPage();
  await other.goto(`${base}/console/dead-letters`);
  steps.push({ name: 'still-dead-after-confirmation-page', status: 200,
    text: String((await other.content()).includes(deadId)), screenshot: null });
  await other.close();
  await tabTo(desk, 'main button[type="submit"]', 80);
  await record(desk, 'replayed', await enter(desk));

  await desk.goto(`${base}/console/rules`);
  await tabTo(desk, 'textarea#event', 80);
  await desk.keyboard.insertText(ruleEvent);
  await tabTo(desk, 'main button[type="submit"]', 80);
  await record(desk, 'rule-tester', await enter(desk));

  await record(desk, 'tasks', await desk.goto(`${base}/console/tasks?assignee=alice`));
  await record(desk, 'all-open-tasks', await desk.goto(`${base}/console/tasks`));
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(steps));
