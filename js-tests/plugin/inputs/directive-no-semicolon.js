'use client'

// A directive without a semicolon (Prettier's semi: false, standard style).
export default async function main() {
  return await 'client'
}
