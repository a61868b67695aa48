// One run, one snapshot per client. A run that changes the workspace makes the
// session emit the new snapshot as the `workspace` event, which every window or
// socket receives (other clients learn of the change that way). The run's own
// reply to the client that ran it would carry that same snapshot a second time,
// so the transport (main's IPC, the browser-mode socket) replaces it by its
// revision when that client was already sent the event, and the client's Api
// (./api) puts the snapshot it keeps from the event back. The event is sent
// before the reply on the same ordered channel; if it is ever missing the client
// asks for the snapshot instead, so the reply is always whole to the caller.
import type { RunResult, Workspace } from './workspace-protocol'

/** A run reply as it crosses a transport: `snapshot`, or only its revision when the event carried it. */
export type WireRunResult = Omit<RunResult, 'snapshot'> & { snapshot?: Workspace; snapshotRevision?: number }

/** The transport side: drops the snapshot when `sentRevision` (the last workspace event sent to this client) is it. */
export function elideRunSnapshot(result: RunResult, sentRevision: number | undefined): WireRunResult {
  if (sentRevision === undefined || sentRevision !== result.snapshot.revision) return result
  const { snapshot, ...rest } = result
  return { ...rest, snapshotRevision: snapshot.revision }
}

/**
 * The client side: the whole run result again. `latest` is the newest workspace
 * event this client received; a newer one than the run's is as good (it already
 * includes the run). Without one, `fetchSnapshot` asks the session.
 */
export async function restoreRunSnapshot(
  wire: WireRunResult,
  latest: Workspace | null,
  fetchSnapshot: () => Promise<Workspace>
): Promise<RunResult> {
  if (wire.snapshot) return wire as RunResult
  const { snapshotRevision, ...rest } = wire
  const snapshot = latest && snapshotRevision !== undefined && latest.revision >= snapshotRevision ? latest : await fetchSnapshot()
  return { ...rest, snapshot }
}
