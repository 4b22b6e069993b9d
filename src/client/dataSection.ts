import type { SyncedDocument } from './syncedDocument';

/**
 * One kind of the learner's stored data besides progress (feedback outbox, development plan,
 * self-assessment, chosen schedule…), as the My data page needs it: export, import, delete.
 * Each feature implements one and lists it in src/client/dataSections.ts.
 */
export interface DataSection<T = unknown> {
  /** The section's key in the export file's `sections`; never changes. */
  key: string;
  /** The current stored data, or undefined when there is none. */
  exportData(): Promise<T | undefined>;
  /** Checks imported data (any format ever exported); throws an Error whose message says what is wrong. */
  parse(raw: unknown): T;
  /** Stores imported data: merged with what is there, or replacing it. */
  importData(data: T, mode: 'merge' | 'replace'): Promise<void>;
  /** Deletes everything the section stores. */
  clear(): Promise<void>;
  /**
   * One sentence for the import preview: what the imported data holds, in the page's language. `l`
   * fills the page's My data strings; a section's sentence is `myData.holds.<key>`.
   */
  describe(data: T, l: (key: string, values?: Record<string, string | number>) => string): string;
}

/**
 * The section of a feature whose data is one synced document: export unless it holds nothing,
 * import by merging or replacing, delete by storing the empty document. Saved before resolving.
 */
export function syncedDataSection<T>(
  key: string,
  document: () => SyncedDocument<T>,
  { isEmpty, describe }: { isEmpty: (data: T) => boolean; describe: DataSection<T>['describe'] },
): DataSection<T> {
  const store = async (change: (current: T, doc: SyncedDocument<T>) => T): Promise<void> => {
    const doc = document();
    await doc.ready();
    doc.replace(change(doc.get().doc, doc));
    await doc.flush();
  };
  return {
    key,
    async exportData() {
      const doc = document();
      await doc.ready();
      const data = doc.get().doc;
      return isEmpty(data) ? undefined : data;
    },
    parse: (raw) => document().options.parse(raw),
    importData: (data, mode) => store((current, doc) => (mode === 'merge' ? doc.options.merge(current, data) : data)),
    clear: () => store((_current, doc) => doc.options.empty()),
    describe,
  };
}
