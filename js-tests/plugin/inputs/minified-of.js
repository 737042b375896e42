// Minified: no space between `of` and its operand.
export default async function main(){const o=[];for await(const v of[1,Promise.resolve(2)])o.push(v);for await(const c of"ab")o.push(c);return o}
