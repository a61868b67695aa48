// The Python libraries the runner offers over the engine: the wrapper class of each
// engine object kind and the builder of each importable module. The Runner hands this
// table to every LibraryContext it makes (install, not import side effects), so which
// modules exist is read here, in one place.
import type { LibraryInstall } from './context'
import { LibModule } from './module_builder'
import { PyNdarray } from './ndarray'
import { PyTensor } from './tensor'
import { buildNumpy } from './numpy_module'
import { buildTorch } from './torch_module'
import { safetensorsModule } from './file_io'
import { ScalarArrayBridge } from './scalar_arrays'

/** A submodule of an already-built module, reached by attribute path (numpy.lib.stride_tricks). */
const sub = (root: string, ...path: string[]): LibraryInstall['modules'][string] =>
  ctx => path.reduce((m, p) => (m.getattr(p) as LibModule), ctx.module(root)!)

export const LIBRARY: LibraryInstall = {
  wrappers: {
    ndarray: (ctx, obj) => new PyNdarray(ctx, obj),
    tensor: (ctx, obj) => new PyTensor(ctx, obj),
  },
  scalarArrays: ctx => new ScalarArrayBridge(ctx),
  modules: {
    'numpy': buildNumpy,
    'numpy.lib': sub('numpy', 'lib'),
    'numpy.lib.stride_tricks': sub('numpy', 'lib', 'stride_tricks'),
    'numpy.random': sub('numpy', 'random'),
    'numpy.exceptions': sub('numpy', 'exceptions'),
    'torch': buildTorch,
    'torch.cuda': sub('torch', 'cuda'),
    'safetensors': ctx => new LibModule('safetensors').set('torch', ctx.module('safetensors.torch')!).set('numpy', ctx.module('safetensors.numpy')!),
    'safetensors.torch': ctx => safetensorsModule(ctx, 'tensor'),
    'safetensors.numpy': ctx => safetensorsModule(ctx, 'ndarray'),
  },
}
