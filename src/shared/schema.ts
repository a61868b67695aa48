// A tiny runtime schema language for the protocol's plain-data payloads.
// Each schema both validates an unknown value (main validates every IPC payload,
// the server every WebSocket message) and carries its TypeScript type, so a
// payload's type and its validator cannot drift apart. Objects are strict:
// unknown keys are refused, because a payload with extra keys is a caller bug.

export interface Schema<T> {
  /** Human-readable description used in error messages ('integer', 'string', ...). */
  readonly name: string
  /** Returns null when `value` is a T, else a message naming the first bad path. */
  check(value: unknown, path: string): string | null
  /** Phantom: never set at run time; lets `Infer` read the type. */
  readonly __type?: T
}

/** Marks an object property as optional (`key?: T`). */
export interface OptionalSchema<T> extends Schema<T | undefined> {
  readonly optional: true
}

export type Infer<S> = S extends Schema<infer T> ? T : never

type Props = Record<string, Schema<unknown>>
type RequiredKeys<P extends Props> = { [K in keyof P]: P[K] extends OptionalSchema<unknown> ? never : K }[keyof P]
type OptionalKeys<P extends Props> = { [K in keyof P]: P[K] extends OptionalSchema<unknown> ? K : never }[keyof P]
type Simplify<T> = { [K in keyof T]: T[K] } & {}
export type ObjectOf<P extends Props> = Simplify<
  { [K in RequiredKeys<P>]: Infer<P[K]> } & { [K in OptionalKeys<P>]?: Exclude<Infer<P[K]>, undefined> }
>

/** Thrown by `parse`; `path` names the offending field (e.g. `params.shape[2]`). */
export class ValidationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ValidationError'
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

function leaf<T>(name: string, test: (v: unknown) => boolean): Schema<T> {
  return {
    name,
    check: (v, path) => (test(v) ? null : `${path}: expected ${name}, got ${describe(v)}`)
  }
}

export const string = leaf<string>('string', (v) => typeof v === 'string')
export const boolean = leaf<boolean>('boolean', (v) => typeof v === 'boolean')
/** A finite number (NaN and infinities cannot cross JSON, so they are refused everywhere). */
export const number = leaf<number>('finite number', (v) => typeof v === 'number' && Number.isFinite(v))
export const integer = leaf<number>('integer', (v) => Number.isSafeInteger(v))
export const count = leaf<number>('non-negative integer', (v) => Number.isSafeInteger(v) && (v as number) >= 0)
/** Any number, NaN and infinities included (value windows may hold them on the Electron path). */
export const anyNumber = leaf<number>('number', (v) => typeof v === 'number')
/** A decimal string such as an address: digits only, bigint-free on the wire. */
export const decimal = leaf<string>('decimal string', (v) => typeof v === 'string' && /^(0|[1-9][0-9]*)$/.test(v))

export function boundedString(maxLength: number): Schema<string> {
  return leaf<string>(`string of at most ${maxLength} characters`, (v) => typeof v === 'string' && v.length <= maxLength)
}

export function literal<const L extends string | number | boolean>(...values: L[]): Schema<L> {
  const name = values.map((v) => JSON.stringify(v)).join(' | ')
  return leaf<L>(name, (v) => values.includes(v as L))
}

export function array<T>(item: Schema<T>, maxLength = Number.MAX_SAFE_INTEGER): Schema<T[]> {
  return {
    name: `array of ${item.name}`,
    check(v, path) {
      if (!Array.isArray(v)) return `${path}: expected array, got ${describe(v)}`
      if (v.length > maxLength) return `${path}: at most ${maxLength} items allowed, got ${v.length}`
      for (let i = 0; i < v.length; i++) {
        const err = item.check(v[i], `${path}[${i}]`)
        if (err) return err
      }
      return null
    }
  }
}

export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return {
    name: `${inner.name} (optional)`,
    optional: true,
    check: (v, path) => (v === undefined ? null : inner.check(v, path))
  }
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return { name: `${inner.name} or null`, check: (v, path) => (v === null ? null : inner.check(v, path)) }
}

export function object<P extends Props>(props: P): Schema<ObjectOf<P>> {
  const keys = Object.keys(props)
  return {
    name: 'object',
    check(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path}: expected object, got ${describe(v)}`
      for (const key of Object.keys(v)) {
        if (!Object.prototype.hasOwnProperty.call(props, key)) return `${path}: unexpected key '${key}'`
      }
      for (const key of keys) {
        const err = props[key].check((v as Record<string, unknown>)[key], `${path}.${key}`)
        if (err) return err
      }
      return null
    }
  }
}

/** Discriminated union on a string tag: picks the variant by `tag` and checks only that one. */
export function tagged<K extends string, V extends Record<string, Schema<unknown>>>(
  tag: K,
  variants: V
): Schema<Infer<V[keyof V]>> {
  return {
    name: `one of ${Object.keys(variants).join(', ')}`,
    check(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path}: expected object, got ${describe(v)}`
      const t = (v as Record<string, unknown>)[tag]
      if (typeof t !== 'string' || !Object.prototype.hasOwnProperty.call(variants, t)) {
        return `${path}.${tag}: expected one of ${Object.keys(variants).map((k) => JSON.stringify(k)).join(', ')}`
      }
      return variants[t].check(v, path)
    }
  }
}

/** Returns `value` typed as T, or throws ValidationError naming the bad field. */
export function parse<T>(schema: Schema<T>, value: unknown, path = 'value'): T {
  const err = schema.check(value, path)
  if (err) throw new ValidationError(err)
  return value as T
}

export function isValid<T>(schema: Schema<T>, value: unknown): value is T {
  return schema.check(value, 'value') === null
}
