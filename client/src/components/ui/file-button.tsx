import { type ChangeEvent, type InputHTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';

type FileButtonProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  id: string;
  /** Whether to say which file was chosen (off where the chosen files show otherwise, e.g. thumbnails). */
  showChosen?: boolean;
};

/**
 * A file input whose words are ours: the native one says "Choose File / No file chosen" in the
 * browser's language (issue 13). The real input stays in the page (focusable, labelled by the field's
 * own label, reachable by tests' setInputFiles); the visible face is a label that opens it.
 */
export function FileButton({ id, showChosen = true, onChange, className, ...rest }: FileButtonProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    setChosen([...(event.target.files ?? [])].map((file) => file.name));
    onChange?.(event);
  }

  return (
    <span className={className ? `file-button ${className}` : 'file-button'}>
      <input {...rest} id={id} type="file" className="visually-hidden" onChange={handleChange} />
      <label htmlFor={id} className="button button-primary file-button-face" aria-hidden="true">
        {t('common.chooseFile')}
      </label>
      {showChosen && (
        <span className="file-button-chosen muted">
          {chosen.length > 0 ? chosen.join(t('common.listSeparator')) : t('common.noFileChosen')}
        </span>
      )}
    </span>
  );
}
