// Numbers for names, for millions of names: one Map that grows past a million entries
// rehashes all of them in a single step (a fifth of a second on a loaded machine), which no
// stop poll can split. Here the names are spread over many small Maps, each of which rehashes
// only its own few hundred.
const SHARD_BITS = 12

/** A shard from the name's FNV-1a hash. */
function shardOf(name: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193)
  return h >>> (32 - SHARD_BITS)
}

export class NameSlots {
  private readonly shards: Array<Map<string, number> | undefined> = new Array(1 << SHARD_BITS)

  /** The slot of `name`; a new one (`next`) when it has none yet. */
  slotOf(name: string, next: number): number {
    const i = shardOf(name)
    let shard = this.shards[i]
    if (shard === undefined) this.shards[i] = shard = new Map()
    const had = shard.get(name)
    if (had !== undefined) return had
    shard.set(name, next)
    return next
  }
}
