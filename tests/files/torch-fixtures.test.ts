// .pt and .safetensors files written by real PyTorch (tests/fixtures/files/make_torch_fixtures.py),
// read by src/files and compared with what PyTorch itself holds for each tensor
// (torch_expected.json, written by the same script): a misreading shared by our own
// writer and reader cannot pass here.
import { describe, expect, it } from 'vitest'
import { readEntryValues } from '../../src/files/element-values'
import { FileFormatError } from '../../src/files/errors'
import { openTensorFile } from '../../src/files/open-file'
import { readTorchFile } from '../../src/files/torch-pt'
import { fixture, torchExpected } from './helpers/fixtures'
import { normalizeExpected, toJsonLike } from './helpers/values'

describe(`.pt files written by torch.save (torch ${torchExpected.torch_version})`, () => {
  for (const [file, exp] of Object.entries(torchExpected.pt)) {
    it(`${file}: every tensor's dtype, layout, storage, grad flag, sharing and values match torch.load`, () => {
      const { description: d } = readTorchFile(fixture(`${file}.pt`))
      try {
        expect(d.format).toBe('pt')
        expect(d.entries.map((e) => e.name)).toEqual(exp.entries)
        for (const e of d.entries) {
          const t = exp.tensors[e.name]
          const storage = d.storages.find((s) => s.key === e.storageKey)!
          expect({ name: e.name, dtype: e.dtype, itemsize: e.itemsize, shape: e.shape, strides: e.strides, byteOffset: e.byteOffset, requiresGrad: e.requiresGrad, storageBytes: storage.nbytes })
            .toEqual({ name: e.name, dtype: t.dtype, itemsize: t.itemsize, shape: t.shape, strides: t.stride.map((s) => s * t.itemsize), byteOffset: t.storage_offset * t.itemsize, requiresGrad: t.requires_grad, storageBytes: t.storage_nbytes })
          expect([...e.sharesWith].sort(), e.name).toEqual([...t.shares_with].sort())
          expect(readEntryValues(e, storage).map(toJsonLike), e.name).toEqual(normalizeExpected(t.values))
        }
        // One storage in the file per storage torch rebuilt, shared by the same tensors.
        const group = (name: string) => exp.tensors[name].storage
        for (const a of d.entries) for (const b of d.entries) expect(a.storageKey === b.storageKey, `${a.name} / ${b.name}`).toBe(group(a.name) === group(b.name))
      } finally {
        d.close()
      }
    })
  }

  it('the pre-1.6 format (a bare pickle stream) is named, not misread', () => {
    let error: unknown
    try { readTorchFile(fixture('pt_legacy.pt')) } catch (e) { error = e }
    expect(error).toBeInstanceOf(FileFormatError)
    expect((error as FileFormatError).pyType).toBe('NotImplementedError')
  })
})

describe('.safetensors files in the format safetensors.torch.save_file writes', () => {
  for (const [file, exp] of Object.entries(torchExpected.safetensors)) {
    it(`${file} (${exp.writer}): names, dtypes, shapes, metadata and values match the torch tensors saved`, () => {
      const d = openTensorFile(fixture(`${file}.safetensors`))
      try {
        expect(d.format).toBe('safetensors')
        expect(d.warnings).toEqual([])
        expect(d.metadata).toEqual(exp.metadata)
        expect(d.entries.map((e) => e.name).sort()).toEqual(Object.keys(exp.tensors).sort())
        for (const e of d.entries) {
          const t = exp.tensors[e.name]
          expect({ name: e.name, dtype: e.dtype, shape: e.shape }).toEqual({ name: e.name, dtype: t.dtype, shape: t.shape })
          // C order: the byte strides of a contiguous tensor of that shape
          const strides = e.shape.map((_, i) => e.shape.slice(i + 1).reduce((a, n) => a * n, e.itemsize))
          expect(e.strides, e.name).toEqual(strides)
          expect(readEntryValues(e, d.storages.find((s) => s.key === e.storageKey)!).map(toJsonLike), e.name).toEqual(normalizeExpected(t.values))
        }
      } finally {
        d.close()
      }
    })
  }
})
