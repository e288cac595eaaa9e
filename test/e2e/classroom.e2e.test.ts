/**
 * Classroom mode in real Chromium (issue 12): one teacher and five students, each in a browser
 * context of their own (their own device). The teacher sets up a class; the students join by code
 * and name; "Start games" seats two pairs and one student against the computer, and every
 * student's page moves into its match; the control room follows; pause refuses a move; finish
 * after this round ends every game; the class debrief shows and its CSV downloads and parses.
 * Prints the lesson's timings: teacher clicks and seconds from "Run a class" to every student seated.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inspect, PROJECTOR, serverAndBrowser, SIZES } from './harness';

/** What a teacher's screens are checked at: a laptop, a small laptop, a phone, and the room's projector. */
const TEACHER_SIZES = [...SIZES, PROJECTOR];

// Computers move quickly, so the student against the computer is not held up.
const { url, newPage } = serverAndBrowser({ BOT_THINK_MS: '50' });

const NAMES = ['Ada', 'Bo', 'Chen', 'Dara', 'Eli'];

/** A student's board: its own desk heading once seated. */
const desk = (page: Page) => page.getByRole('heading', { name: /^(Washington|Beijing)’s desk$/ });

/** Passes if it is this student's move (a deal on the table is refused); whether a move was made. */
async function passIfMyTurn(page: Page): Promise<boolean> {
  const pass = page.getByRole('button', { name: 'Pass', exact: true });
  if ((await pass.count()) > 0 && (await pass.isEnabled())) {
    await pass.click();
    return true;
  }
  const refuse = page.getByRole('button', { name: /^(Refuse|Reject)/ });
  if ((await refuse.count()) > 0 && (await refuse.first().isEnabled())) {
    await refuse.first().click();
    return true;
  }
  return false;
}

describe('classroom mode', () => {
  it('a teacher runs a class of five: set up, join by code, start, watch, pause, finish, debrief, CSV', async () => {
    let clicks = 0;
    const started = Date.now();
    const teacher = await newPage();
    await teacher.goto(url());
    await teacher.getByRole('link', { name: 'Run a class' }).click();
    clicks += 1;
    await teacher.getByRole('heading', { name: 'Run a class' }).waitFor();
    await inspect(teacher, 'class-setup');
    await teacher.getByLabel('Name (optional, students see it)').fill('Period 3');
    await teacher.getByRole('button', { name: 'Create the class' }).click();
    clicks += 1;
    await teacher.waitForURL(/#\/class\/teach\/[A-Z0-9]{6}$/);
    const code = /#\/class\/teach\/([A-Z0-9]{6})$/.exec(teacher.url())?.[1] ?? '';
    expect(code).toMatch(/^[ACDEFHJKMNPQRTUVWXY3479]{6}$/);

    const students: Page[] = [];
    for (const name of NAMES) {
      const page = await newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(url());
      await page.getByRole('link', { name: 'Join a class' }).click();
      await page.getByLabel('Class code').fill(code.toLowerCase());
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join the class' }).click();
      await page.getByRole('heading', { name: 'You’re in the class' }).waitFor();
      students.push(page);
    }
    const [first] = students;
    if (!first) throw new Error('no student');
    await inspect(first, 'class-waiting');
    // The names appear live on the teacher's screen.
    for (const name of NAMES) await teacher.getByText(name, { exact: true }).first().waitFor();
    await inspect(teacher, 'class-gathering', TEACHER_SIZES);

    await teacher.getByRole('button', { name: 'Start games' }).click();
    clicks += 1;
    // Every student's page moves into its match with nothing more to type.
    for (const page of students) await desk(page).waitFor({ timeout: 15_000 });
    const seatedAfter = (Date.now() - started) / 1000;
    console.log(`Lesson timing: ${clicks} teacher clicks and ${seatedAfter.toFixed(1)} s from "Run a class" to all ${students.length} students seated`);

    // The control room lists three matches, one of them against the computer.
    await expect.poll(() => teacher.getByRole('link', { name: /Watch/ }).count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => teacher.getByText('Computer', { exact: true }).count()).toBeGreaterThan(0);
    await inspect(teacher, 'class-control-room', TEACHER_SIZES);

    // "Watch" opens a match as a spectator in the projector view: large type, no hand, no agenda.
    const [projector] = await Promise.all([teacher.context().waitForEvent('page'), teacher.getByRole('link', { name: /Watch/ }).first().click()]);
    await projector.getByText(/Spectator view of match/).waitFor();
    await projector.getByRole('heading', { name: 'Washington', exact: true }).waitFor();
    await projector.setViewportSize({ width: PROJECTOR.width, height: PROJECTOR.height });
    const rootPx = await projector.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rootPx).toBeGreaterThanOrEqual(21);
    expect(await desk(projector).count()).toBe(0);
    expect(await projector.getByText('Your secret agenda').count()).toBe(0);
    expect(await projector.getByRole('button', { name: /^Play / }).count()).toBe(0);
    await inspect(projector, 'class-projector', TEACHER_SIZES);

    // Pause: a student's move is refused with the teacher's words.
    await teacher.getByRole('button', { name: 'Pause all games' }).click();
    await teacher.getByRole('button', { name: 'Resume all games' }).waitFor();
    // The projector shows it too (the teacher opened it from the control room).
    await projector.getByText(/Paused by your teacher/).waitFor({ timeout: 10_000 });
    await projector.close();
    let refusedOn: Page | null = null;
    for (const page of students) {
      if (await passIfMyTurn(page)) {
        refusedOn = page;
        break;
      }
    }
    expect(refusedOn).not.toBeNull();
    await refusedOn?.getByText(/Paused by your teacher/).first().waitFor({ timeout: 10_000 });
    await teacher.getByRole('button', { name: 'Resume all games' }).click();
    await teacher.getByRole('button', { name: 'Pause all games' }).waitFor();

    // Finish after this round; every student passes until every game is over.
    await teacher.getByRole('button', { name: 'Finish after this round' }).click();
    await teacher.getByRole('button', { name: 'Yes, finish after this round' }).click();
    await expect
      .poll(
        async () => {
          for (const page of students) await passIfMyTurn(page).catch(() => false);
          const over = await Promise.all(students.map(async (page) => (await desk(page).count()) === 0));
          return over.every(Boolean);
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);

    // The class debrief, and the CSV: one row per student.
    await teacher.getByRole('link', { name: 'Open the class debrief' }).click();
    await teacher.getByRole('heading', { name: /Class debrief/ }).waitFor();
    await teacher.getByText(/Interdependence (fell|rose|did not fall)|interdependence/i).first().waitFor();
    await inspect(teacher, 'class-debrief', TEACHER_SIZES);
    const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: 'Download CSV' }).click()]);
    const path = await download.path();
    const csv = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^name,side,opponent,result/);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([...NAMES].sort());
    expect(csv).not.toMatch(/credentials|Bearer/i);
  });
});
