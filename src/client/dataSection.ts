import type { Lang } from '../schemas/common';

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
  /** One sentence for the import preview: what the imported data holds. */
  describe(data: T, lang: Lang): string;
}
