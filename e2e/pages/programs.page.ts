import type { Page } from '@playwright/test';

/** Page object of Programme: what a coordinator does there, in their words. */
export class ProgramsPage {
  constructor(private readonly page: Page) {}

  async open(openUrl: string) {
    await this.page.goto(`${openUrl}#/programme`);
    await this.page.getByRole('heading', { name: 'Programme' }).waitFor();
  }

  async startNew() {
    await this.page.getByRole('button', { name: 'Neues Programm' }).click();
  }

  async createCommune(name: string, district: string) {
    await this.page.getByRole('button', { name: 'Neue Kommune' }).click();
    const form = this.page.getByRole('group', { name: 'Kommune anlegen' });
    await form.getByLabel('Name der Kommune').fill(name);
    await form.getByLabel('Landkreis').fill(district);
    await form.getByRole('button', { name: 'Anlegen' }).click();
    await form.waitFor({ state: 'detached' });
  }

  /** The open "Programm anlegen" dialog. */
  dialog() {
    return this.page.getByRole('dialog', { name: 'Programm anlegen' });
  }

  communeRows() {
    return this.dialog().getByTestId('commune-row');
  }

  async addCommuneRow() {
    await this.dialog().getByRole('button', { name: 'Kommune hinzufügen' }).click();
  }

  /**
   * Controls of the dialog that lie (partly) outside its box (inside its padding), each scrolled into view first: a scrolling body may
   * hide controls below the fold, but none may stick out at the sides or be cut off.
   */
  async controlsOutsideDialog(): Promise<string[]> {
    const surface = this.dialog();
    const outer = (await surface.boundingBox())!;
    // the area inside the surface's padding: a control reaching into the padding is cut off by the scrolling body
    const pad = await surface.evaluate((e) => {
      // runs in the page; the e2e project is compiled without the DOM library
      type Style = Record<'paddingLeft' | 'paddingRight' | 'paddingTop' | 'paddingBottom', string>;
      const s = (globalThis as unknown as { getComputedStyle: (el: unknown) => Style }).getComputedStyle(e);
      return { left: parseFloat(s.paddingLeft), right: parseFloat(s.paddingRight), top: parseFloat(s.paddingTop), bottom: parseFloat(s.paddingBottom) };
    });
    const box = { x: outer.x + pad.left, y: outer.y + pad.top, width: outer.width - pad.left - pad.right, height: outer.height - pad.top - pad.bottom };
    const outside: string[] = [];
    const controls = surface.locator('input:not([type="date"]), select, button, textarea');
    for (let i = 0; i < (await controls.count()); i++) {
      const c = controls.nth(i);
      if (!(await c.isVisible())) continue;
      await c.scrollIntoViewIfNeeded();
      const b = (await c.boundingBox())!;
      const inside = b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1;
      if (!inside) outside.push(`${await c.evaluate((e) => e.outerHTML.slice(0, 80))} at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`);
    }
    return outside;
  }

  row(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
