'use strict';
'use client';
// Directives first: the helpers' import goes after them.
export default async function main() {
  return [await 'strict'];
}
