// What one build of the app is: its name, its OpenTelemetry context manager
// and Angular's change detection. angular.json replaces this file per build
// (fileReplacements); as it stands it is the zoneless app with als-wasm.
export { variant } from './variants/zoneless-ours';
