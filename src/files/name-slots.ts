// Numbers for names, for millions of names, with nothing per name for V8 to collect: an
// open-addressing hash table in an Int32Array holding each name's slot (the names themselves
// are the caller's array). A Map of a million names rehashes all of them in one step (a fifth
// of a second on a loaded machine) and is millions of objects for every full collection to mark.

/** FNV-1a of the name's UTF-16 code units. */
function hashOf(name: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export class NameSlots {
  /** slot + 1 per bucket; 0: empty. */
  private table: Int32Array
  private used = 0

  /** `names[slot]` is the name of each slot handed out; `expected`: about how many names will come. */
  constructor(private readonly names: readonly string[], expected = 1024) {
    let size = 1024
    while (size < expected * 2) size *= 2
    this.table = new Int32Array(size)
  }

  /** The slot of `name`; `next` (the caller then stores the name at names[next]) when it has none yet. */
  slotOf(name: string, next: number): number {
    // Grown before a new name goes in: growing rehashes the names already in `names`.
    if ((this.used + 1) * 2 > this.table.length) this.grow()
    const mask = this.table.length - 1
    for (let b = hashOf(name) & mask; ; b = (b + 1) & mask) {
      const held = this.table[b]
      if (held === 0) {
        this.table[b] = next + 1
        this.used++
        return next
      }
      if (this.names[held - 1] === name) return held - 1
    }
  }

  private grow(): void {
    const old = this.table
    this.table = new Int32Array(old.length * 2)
    const mask = this.table.length - 1
    for (const held of old) {
      if (held === 0) continue
      let b = hashOf(this.names[held - 1]) & mask
      while (this.table[b] !== 0) b = (b + 1) & mask
      this.table[b] = held
    }
  }
}
