import { chromium } from '@playwright/test';
const [,, url, out, width='1280', role] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
if (role) { await page.goto('http://localhost:3000/login'); await page.click(`[data-demo-role=${role}]`); await page.waitForLoadState('networkidle'); }
await page.goto(url);
await page.screenshot({ path: out, fullPage: true });
console.log(await page.title());
await browser.close();
