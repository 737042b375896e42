#!/usr/bin/env node
// A hashbang first: the helpers' import must not land in its comment line.
const value = await Promise.resolve('shebang');

export default () => value;
