// A tiny protocol-2 pickle writer for tests: emits the opcodes torch.save uses, so .pt
// fixtures can be built from the published format without PyTorch.

export class PickleWriter {
  private readonly bytes: number[] = [0x80, 0x02] // PROTO 2
  private memoNext = 0

  op(...b: number[]): this { this.bytes.push(...b); return this }
  private u32(n: number): number[] { return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff] }

  global(module: string, name: string): this {
    this.op(0x63)
    for (const c of new TextEncoder().encode(`${module}\n${name}\n`)) this.bytes.push(c)
    return this
  }
  none(): this { return this.op(0x4e) }
  bool(v: boolean): this { return this.op(v ? 0x88 : 0x89) }
  int(n: number): this {
    if (n >= 0 && n < 256) return this.op(0x4b, n)
    if (n >= 0 && n < 65536) return this.op(0x4d, n & 0xff, n >> 8)
    if (n >= -(2 ** 31) && n < 2 ** 31) return this.op(0x4a, ...this.u32(n >>> 0))
    // LONG1, little-endian two's complement
    let v = BigInt(n)
    const out: number[] = []
    while (v !== 0n && v !== -1n) { out.push(Number(v & 0xffn)); v >>= 8n }
    if (out.length === 0 || ((out[out.length - 1] & 0x80) !== 0) !== n < 0) out.push(n < 0 ? 0xff : 0)
    return this.op(0x8a, out.length, ...out)
  }
  float(x: number): this {
    const b = new Uint8Array(8)
    new DataView(b.buffer).setFloat64(0, x, false)
    return this.op(0x47, ...b)
  }
  str(s: string): this {
    const b = new TextEncoder().encode(s)
    return this.op(0x58, ...this.u32(b.length), ...b)
  }
  mark(): this { return this.op(0x28) }
  tuple(n: number): this {
    // after n pushed items (n <= 3) or after a mark (n < 0)
    if (n === 0) return this.op(0x29)
    if (n === 1) return this.op(0x85)
    if (n === 2) return this.op(0x86)
    if (n === 3) return this.op(0x87)
    return this.op(0x74)
  }
  emptyDict(): this { return this.op(0x7d) }
  emptyList(): this { return this.op(0x5d) }
  setitems(): this { return this.op(0x75) }
  appends(): this { return this.op(0x65) }
  reduce(): this { return this.op(0x52) }
  build(): this { return this.op(0x62) }
  persid(): this { return this.op(0x51) }
  put(): number { const i = this.memoNext++; this.op(0x71, i); return i }
  get(i: number): this { return this.op(0x68, i) }
  stop(): Uint8Array { this.op(0x2e); return Uint8Array.from(this.bytes) }
}
