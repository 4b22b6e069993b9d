import { useRef } from 'react';
import {
  actionStatuses,
  PLAN_ACTIONS_MAX,
  PLAN_ITEM_MAX,
  type ActionStatus,
  type PlanAction,
} from '../../schemas/plan';

interface Props {
  actions: PlanAction[];
  l: (key: string, values?: Record<string, string | number>) => string;
  onChange: (actions: PlanAction[]) => void;
}

/** The action table: what, who, by when, status. A new row's first cell gets focus; after deleting, the add button. */
export default function ActionsTable({ actions, l, onChange }: Props) {
  const tableRef = useRef<HTMLTableElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const set = (id: string, change: Partial<PlanAction>): void => {
    onChange(actions.map((a) => (a.id === id ? { ...a, ...change } : a)));
  };
  const add = (): void => {
    const row: PlanAction = { id: crypto.randomUUID(), what: '', who: '', due: '', status: 'planned' };
    onChange([...actions, row]);
    requestAnimationFrame(() =>
      tableRef.current?.querySelector<HTMLInputElement>(`[data-row="${row.id}"] input`)?.focus(),
    );
  };
  const remove = (id: string): void => {
    onChange(actions.filter((a) => a.id !== id));
    requestAnimationFrame(() => addRef.current?.focus());
  };
  return (
    <>
      <div className="table-scroll">
        <table ref={tableRef} className="data-table edit-table">
          <caption>{l('plan.actions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{l('plan.actions.what')}</th>
              <th scope="col">{l('plan.actions.who')}</th>
              <th scope="col">{l('plan.actions.due')}</th>
              <th scope="col">{l('plan.actions.status')}</th>
              <th scope="col" className="no-print">
                <span className="visually-hidden">{l('plan.actions.remove.header')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.length === 0 && (
              <tr>
                <td colSpan={5}>{l('plan.actions.empty')}</td>
              </tr>
            )}
            {actions.map((a, i) => {
              const n = i + 1;
              return (
                <tr key={a.id} data-row={a.id}>
                  <td>
                    <input
                      aria-label={l('plan.actions.whatOf', { n })}
                      value={a.what}
                      maxLength={PLAN_ITEM_MAX}
                      onChange={(e) => set(a.id, { what: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={l('plan.actions.whoOf', { n })}
                      value={a.who}
                      maxLength={PLAN_ITEM_MAX}
                      onChange={(e) => set(a.id, { who: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={l('plan.actions.dueOf', { n })}
                      value={a.due}
                      onChange={(e) => set(a.id, { due: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={l('plan.actions.statusOf', { n })}
                      value={a.status}
                      onChange={(e) => set(a.id, { status: e.target.value as ActionStatus })}
                    >
                      {actionStatuses.map((s) => (
                        <option key={s} value={s}>
                          {l(`plan.status.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="no-print">
                    <button type="button" onClick={() => remove(a.id)}>
                      {l('plan.actions.remove', { n })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="no-print">
        <button ref={addRef} type="button" onClick={add} disabled={actions.length >= PLAN_ACTIONS_MAX}>
          {l('plan.actions.add')}
        </button>
      </p>
    </>
  );
}
