// Paths and expectations of the fixtures NumPy and PyTorch wrote (tests/fixtures/files).
import * as fs from 'node:fs'
import * as path from 'node:path'
import { execFileSync } from 'node:child_process'

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'files')

export function fixture(name: string): string {
  return path.join(FIXTURES, name)
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(fixture(name)))
}

export interface Expected {
  descr: string
  shape: number[]
  strides: number[]
  fortran: boolean
  values: Array<number | string | boolean | [number | string, number | string]> | null
}

export const expected = JSON.parse(fs.readFileSync(fixture('expected.json'), 'utf8')) as {
  npy: Record<string, Expected>
  npz: Record<string, Record<string, Expected>>
  views: Record<string, { shape: number[]; strides: number[]; offset: number }>
}

export interface TorchExpected {
  dtype: string
  shape: number[]
  /** Element strides, as Tensor.stride() gives them. */
  stride: number[]
  storage_offset: number
  itemsize: number
  storage_nbytes: number
  requires_grad: boolean
  values: Expected['values'] & unknown[]
  /** Other tensors of the file whose bytes overlap this one's. */
  shares_with: string[]
  /** Which distinct storage (numbered in file order) the tensor views. */
  storage: number
}

/** What torch.load gives for each .pt fixture, and the torch tensors behind each .safetensors one. */
export const torchExpected = JSON.parse(fs.readFileSync(fixture('torch_expected.json'), 'utf8')) as {
  torch_version: string
  pt: Record<string, { entries: string[]; tensors: Record<string, TorchExpected> }>
  safetensors: Record<string, {
    writer: string
    metadata: Record<string, string>
    tensors: Record<string, Pick<TorchExpected, 'dtype' | 'shape' | 'values'>>
  }>
}

/** Why NumPy cannot be used as a live oracle here, or null when it can. */
export function numpyMissing(): string | null {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' })
    return null
  } catch {
    return 'python3 with NumPy is not installed'
  }
}

export function tmpDir(): string {
  return fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'stridescope-files-'))
}
