// The builds of the Angular app: angular.json's configurations, each a page
// in .bundled/integrations/angular/<name>/. zone: zone.js in polyfills (the
// CLI then compiles async/await to generators); ours: als-wasm/opentelemetry
// as the context manager (else the control's: the SDK's default zoneless,
// ZoneContextManager with zone.js). zone-ours-first: als-wasm in polyfills,
// ahead of zone.js.
export const BUILDS = [
  { name: 'zoneless-ours', zone: false, ours: true },
  { name: 'zoneless-stack', zone: false, ours: false },
  { name: 'zone-ours', zone: true, ours: true },
  { name: 'zone-ours-first', zone: true, ours: true },
  { name: 'zone-zonemanager', zone: true, ours: false },
];
