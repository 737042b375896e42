// The control: Sentry's default for browsers, one stack of scopes for the page.
export const install = () => {};
