import { useBrowserValue } from '../../islands/useHydrated';
import { useSyncedDocument } from '../../islands/useSyncedDocument';
import { useProgress } from '../../islands/useProgress';
import type { ModuleId } from '../../schemas/common';
import { academyChoiceDocument } from './choiceClient';
import { academyOf } from './schedule';
import type { AcademyView } from './types';

export type ModuleStatus = 'not-started' | 'in-progress' | 'completed';
const noSubscription = (): (() => void) => () => undefined;

/**
 * What the schedule islands share: the chosen academy (null until loaded), each module's status and
 * "now" (null in the server render, so the HTML never carries a stale date).
 */
export function useAcademy(academies: AcademyView[]): {
  loaded: boolean;
  academy: AcademyView | undefined;
  statusOf: (moduleId: ModuleId) => ModuleStatus;
  progressReady: boolean;
  now: Date | null;
} {
  const choice = useSyncedDocument(academyChoiceDocument);
  const statuses = useProgress(
    (view) =>
      Object.fromEntries(view.manifest.modules.map((m) => [m.id, view.moduleStatus(m.id)])) as Record<
        string,
        ModuleStatus
      >,
    null,
  );
  const nowMs = useBrowserValue<number | null>(noSubscription, () => pageTime, null);
  return {
    loaded: choice?.loaded ?? false,
    academy: choice?.loaded ? academyOf(academies, choice.doc.academyId) : undefined,
    statusOf: (id) => statuses?.[id] ?? 'not-started',
    progressReady: statuses !== null,
    now: nowMs === null ? null : new Date(nowMs),
  };
}

/** The page's "now", fixed when the page loads so every render agrees. */
const pageTime = typeof window === 'undefined' ? 0 : Date.now();
