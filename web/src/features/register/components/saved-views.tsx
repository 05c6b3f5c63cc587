import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { useDeleteView, useRegisterViews, useReplaceView, useSaveView } from '../api/register-views.ts';
import { fromViewSettings, matchesView, type RegisterSearch, toViewSettings } from '../register-search.ts';

/**
 * My saved views (kept on the server, so they follow me to another device): open one, save what the
 * page shows under a name, update the open view with changed filters, or delete it. The URL carries
 * the same state, for sharing with someone else.
 */
export function SavedViews({
  search,
  onApply,
}: {
  search: RegisterSearch;
  onApply: (search: RegisterSearch) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const views = useRegisterViews();
  const save = useSaveView();
  const replace = useReplaceView();
  const remove = useDeleteView();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [message, setMessage] = useState('');
  const list = views.data?.items ?? [];
  const open = list.find((v) => String(v.id) === search.view);
  const changed = open ? !matchesView(search, open.settings) : false;

  const choose = (value: string) => {
    setMessage('');
    const view = list.find((v) => String(v.id) === value);
    onApply(view ? fromViewSettings(view.settings, String(view.id)) : { ...search, view: '' });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { name: name.trim(), settings: toViewSettings(search) },
      {
        onSuccess: (view) => {
          setNaming(false);
          setName('');
          setMessage(t('register.views.saved', { name: view.name }));
          onApply({ ...search, view: String(view.id) });
        },
      },
    );
  };

  return (
    <section className="register-tool register-views" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('register.views.title')}
      </h2>
      <div className="register-views__row">
        <label htmlFor={`${id}-view`} className="field__label">
          {t('register.views.label')}
        </label>
        <select
          id={`${id}-view`}
          value={open ? String(open.id) : ''}
          onChange={(e) => choose(e.target.value)}
          aria-busy={views.isPending}
        >
          <option value="">{list.length ? t('register.views.none') : t('register.views.empty')}</option>
          {list.map((v) => (
            <option key={v.id} value={String(v.id)}>
              {v.name}
            </option>
          ))}
        </select>
        {open && changed && (
          <button
            type="button"
            className="button button--secondary"
            disabled={replace.isPending}
            onClick={() =>
              replace.mutate(
                { id: open.id, name: open.name, settings: toViewSettings(search) },
                { onSuccess: (v) => setMessage(t('register.views.updated', { name: v.name })) },
              )
            }
          >
            {t('register.views.update', { name: open.name })}
          </button>
        )}
        {open && (
          <button
            type="button"
            className="button button--secondary"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(open.id, {
                onSuccess: () => {
                  setMessage(t('register.views.deleted', { name: open.name }));
                  onApply({ ...search, view: '' });
                },
              })
            }
          >
            {t('register.views.delete')}
          </button>
        )}
        {!naming && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNaming(true);
              setMessage('');
            }}
          >
            {t('register.views.saveAs')}
          </button>
        )}
      </div>
      {naming && (
        <form className="register-views__row" onSubmit={submit}>
          <label htmlFor={`${id}-name`} className="field__label">
            {t('register.views.name')}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={80}
            required
            // biome-ignore lint/a11y/noAutofocus: the field the person just asked for
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button" disabled={save.isPending}>
            {t('register.views.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setNaming(false)}>
            {t('register.cancelEdit')}
          </button>
        </form>
      )}
      <FormError error={save.error ?? replace.error ?? remove.error} />
      <p className="register-views__message" role="status">
        {message}
      </p>
    </section>
  );
}
