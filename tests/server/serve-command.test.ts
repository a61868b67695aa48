// `stridescope serve` argument parsing (the command itself is driven end to end by e2e/fixtures).
import { describe, expect, it } from 'vitest'
import { parseServeArgs, usage } from '../../src/cli/commands/serve'

describe('parseServeArgs', () => {
  it('defaults to a free port, no simulated cuda, and out/renderer', () => {
    const a = parseServeArgs([])
    expect(a.port).toBe(0)
    expect(a.simulateCuda).toBe(false)
    expect(a.rendererDir).toMatch(/out[/\\]renderer$/)
    expect(a.workingFolder).toBe(process.cwd())
  })

  it('reads --workdir, refusing a folder that does not exist', () => {
    expect(parseServeArgs(['--workdir', '/tmp']).workingFolder).toBe('/tmp')
    expect(() => parseServeArgs(['--workdir', '/no/such/folder'])).toThrow("--workdir: no such folder '/no/such/folder'")
  })

  it('reads --port N, --port=N and --simulate-cuda', () => {
    expect(parseServeArgs(['--port', '8123', '--simulate-cuda'])).toMatchObject({ port: 8123, simulateCuda: true })
    expect(parseServeArgs(['--port=0']).port).toBe(0)
  })

  it('refuses bad ports and unknown options with a message', () => {
    expect(() => parseServeArgs(['--port', '-1'])).toThrow("--port must be an integer from 0 to 65535, got '-1'")
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/65535/)
    expect(() => parseServeArgs(['--port'])).toThrow('--port needs a value')
    expect(() => parseServeArgs(['--host', '0.0.0.0'])).toThrow("unknown option '--host'")
  })

  it('documents every option', () => {
    for (const opt of ['--port', '--simulate-cuda', '--renderer', '--workdir']) expect(usage).toContain(opt)
  })
})
