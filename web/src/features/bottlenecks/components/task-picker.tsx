import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../../lib/api-client.ts';
import type { TaskSummary } from '../../tasks/api/get-tasks.ts';

/**
 * A choice of one Program task: a search box (accents ignored, by the public task search) narrows a
 * native <select>, so it works by keyboard and with a screen reader.
 */
export function TaskPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (taskId: number | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const tasks = useQuery({
    queryKey: ['tasks', 'picker', q.trim()],
    queryFn: ({ signal }) =>
      getJson<{ items: TaskSummary[]; total: number }>(
        '/public/tasks',
        { q: q.trim() || undefined, pageSize: 50, sort: q.trim() ? 'relevance' : 'code' },
        signal,
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  return (
    <div className="field task-picker">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('bottlenecks.taskPicker.search')}
        aria-label={t('bottlenecks.taskPicker.searchLabel', { label })}
        aria-controls={id}
        autoComplete="off"
      />
      <select
        id={id}
        value={value ?? ''}
        aria-busy={tasks.isFetching}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{t('bottlenecks.taskPicker.none')}</option>
        {tasks.data?.items.map((task) => (
          <option key={task.id} value={task.id}>
            {task.code} — {task.contentVi.slice(0, 80)}
          </option>
        ))}
      </select>
    </div>
  );
}
