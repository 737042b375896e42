// The app's one component: a button whose every click runs clickFlow and
// then shows its result. The rows are plain fields, not signals, and the
// component is checked eagerly (Angular 22 makes OnPush the default): with
// zone.js, zone.js alone must trigger the change detection that shows them
// after the awaits; in the zoneless app, markForCheck() schedules it, as
// Angular documents for state that is not a signal.
import { ChangeDetectionStrategy, ChangeDetectorRef, Component, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { clickFlow, DELAYS } from './click-flow';
import { drawDelays } from './seed';
import { variant } from './variant';

export interface Row {
  click: number;
  status: string;
}

/** Every click's flow, in click order (the page's test script waits for them). */
export const clickFlows: Promise<Map<string, string | null>>[] = [];

@Component({
  selector: 'app-clicks',
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <button type="button" id="load" (click)="load()">Load</button>
    <p id="summary">{{ finished }} of {{ rows.length }} clicks done</p>
    <ul>
      @for (row of rows; track row.click) {
        <li [attr.data-click]="row.click">click {{ row.click }}: {{ row.status }}</li>
      }
    </ul>
  `,
})
export class ClicksComponent {
  private readonly http = inject(HttpClient);
  private readonly changes = inject(ChangeDetectorRef);
  rows: Row[] = [];
  finished = 0;

  load(): void {
    const row: Row = { click: this.rows.length, status: 'loading' };
    this.rows.push(row);
    const delays = drawDelays(DELAYS);
    const flow = clickFlow(row.click, this.http, () => delays.shift() ?? 0);
    clickFlows.push(flow);
    flow.then(
      (echoes) => this.show(row, `done after ${echoes.size} requests`),
      (e) => this.show(row, `failed: ${e}`),
    );
  }

  private show(row: Row, status: string): void {
    row.status = status;
    this.finished++;
    if (!variant.zone) this.changes.markForCheck();
  }
}
