/** A bar that says the browser host has stopped, so a window left open on a dead host does not look alive. */
import { useEffect, useState } from 'react';
import { onHostStopped } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function HostStopped() {
  const { t } = useI18n();
  const [stopped, setStopped] = useState(false);
  useEffect(() => onHostStopped(setStopped), []);
  if (!stopped) return null;
  return (
    <div className="host-stopped" role="alert" data-testid="host-stopped">
      {t('app.hostStopped')}
    </div>
  );
}
