/**
 * FreePBX API scopes (freepbx-api.md §1; api `Includes/ApiBase.php` checkScope): `gql` / `rest` cover
 * everything of that kind, `gql:<module>` one module, `gql:<module>:<read|write>` one direction,
 * `gql:<module>:<read|write>:<thing>` one class — honoured only where the module's class checks the
 * fine scope (inbound routes `did`, the voicemail query, framework `system`/`modules`); most classes
 * check the coarse forms only (checkAllReadScope / checkAllWriteScope).
 */
export type Direction = 'read' | 'write'

export class ScopeSet {
  private readonly scopes: ReadonlySet<string>

  constructor(scopes: Iterable<string>) {
    this.scopes = new Set(scopes)
  }

  /** checkAllReadScope / checkAllWriteScope. */
  coarse(kind: 'gql' | 'rest', module: string, direction: Direction): boolean {
    const s = this.scopes
    return s.has(kind) || s.has(`${kind}:${module}`) || s.has(`${kind}:${module}:${direction}`)
  }

  /** checkReadScope(thing) / checkWriteScope(thing): the coarse forms or the one thing. */
  fine(kind: 'gql' | 'rest', module: string, direction: Direction, thing: string): boolean {
    return this.coarse(kind, module, direction) || this.scopes.has(`${kind}:${module}:${direction}:${thing}`)
  }

  /** A stable key: tokens with the same scopes share one schema. */
  get key(): string {
    return [...this.scopes].sort().join(' ')
  }
}
