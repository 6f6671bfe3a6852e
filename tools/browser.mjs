// What the browser scripts share: headless Chromium from the machine's package, and moving through a page with the
// keyboard only.
import { chromium } from 'playwright-core';

// Chromium from CHROMIUM or Debian's package; browsers cannot be downloaded where the tests run.
export const launchChromium = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

// Presses Tab until the element matching the selector has the focus, as a keyboard user moves through the page.
export const tabTo = async (page, selector, maxPresses) => {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${selector}`);
};

// Presses Enter and answers the response of the navigation it starts.
export const enter = (page) => Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')])
  .then(([response]) => response);
