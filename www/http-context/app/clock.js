// One clock for every time the Service Worker reports (epoch ms, sub-ms), so
// that the windows of concurrent requests can be compared.
export const now = () => performance.timeOrigin + performance.now();
