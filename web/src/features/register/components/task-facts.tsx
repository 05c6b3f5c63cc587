import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { useTargets } from '../../targets/api/get-targets.ts';
import type { FiveRPart, RegisterTask } from '../api/register-tasks.ts';
import { useAgencyLabel } from './use-agency-label.ts';

function Facts({ items }: { items: [string, ReactNode][] }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label} className="register-facts__pair">
          <dt>{label}</dt>
          <dd>{value || <span className="muted">{t('register.notGiven')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What a task states under each part of the 5 rõ, for reading (the checklist's details). */
export function useTaskFacts(task: RegisterTask): Record<FiveRPart, ReactNode> {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const label = useAgencyLabel();
  const targets = useTargets({});
  const leads = task.leads.map(label).join('; ');
  const partners = task.partners.map(label).join('; ');
  const targetCodes = task.targetIds
    .map((id) => targets.data?.items.find((x) => x.id === id))
    .filter((x) => x !== undefined)
    .map((x) => `${x.code} ${pick(x.textVi, x.textEn)}`);
  return {
    who: (
      <Facts
        items={[
          [t('register.form.lead'), leads],
          [t('register.form.partners'), partners],
          [t('register.form.head'), task.accountableHead.name],
          [t('register.form.focal'), task.focalOfficer.name],
        ]}
      />
    ),
    what: (
      <Facts
        items={[
          [t('register.form.code'), task.code],
          [
            t('register.form.content'),
            <span key="content" lang="vi">
              {task.contentVi}
            </span>,
          ],
          [
            t('register.form.sourceDocument'),
            [task.sourceDocument, task.sourceItem].filter(Boolean).join(', '),
          ],
        ]}
      />
    ),
    responsibility: (
      <Facts
        items={[
          [t('register.checklist.leadRole'), leads],
          [t('register.checklist.partnerRole'), partners],
        ]}
      />
    ),
    when: (
      <Facts
        items={[
          [t('register.form.deadlineAsWritten'), task.deadlineAsWritten],
          [t('register.form.dueDate'), formatDate(task.dueDate)],
          [t('register.form.recurrence'), task.recurrence ? t(`recurrence.${task.recurrence}`) : ''],
        ]}
      />
    ),
    result: (
      <Facts
        items={[
          [t('register.form.productType'), task.productType ? t(`productType.${task.productType}`) : ''],
          [t('register.form.productDescription'), task.productDescription],
          [t('register.checklist.targets'), targetCodes.join('; ')],
        ]}
      />
    ),
  };
}
