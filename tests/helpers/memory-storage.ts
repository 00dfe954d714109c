/** An in-memory Storage for createStore, with an optional quota (in characters) to simulate a full store. */
export class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  /** Makes every write throw like a full localStorage. */
  failWrites = false;
  constructor(private readonly quota = Infinity) {}
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const used = [...this.map].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
}

/** A Storage whose every access throws, like localStorage with cookies blocked. */
export class ThrowingStorage extends MemoryStorage {
  override getItem(): string | null {
    throw new DOMException('denied', 'SecurityError');
  }
  override setItem(): void {
    throw new DOMException('denied', 'SecurityError');
  }
}
