// The app's entry: the build's variant first (it loads als-wasm, or the
// control's manager), then OpenTelemetry, then Angular; once the app is
// up, the page's test script clicks and counts.
import { variant } from './variant';
import { startTelemetry } from './telemetry';
import { provideHttpClient } from '@angular/common/http';
import { bootstrapApplication } from '@angular/platform-browser';
import { ClicksComponent } from './clicks.component';
import { runPageTest } from './page-test';

const exporter = startTelemetry(variant.contextManager);

bootstrapApplication(ClicksComponent, { providers: [variant.changeDetection, provideHttpClient()] })
  .then((appRef) => runPageTest(variant.build, appRef, exporter))
  .catch((e) => {
    console.log(`FAIL - angular ${variant.build}: ${e?.stack ?? e}`);
    return { passed: 0, failed: 1 };
  })
  .then((result) => {
    console.log(`RESULT ${JSON.stringify(result)}`);
    (globalThis as { __alsResult?: unknown }).__alsResult = result;
  });
