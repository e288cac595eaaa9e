import { Icon } from '../common/Icon';
import { t } from '../i18n';

/**
 * What a play costs, with its unit in sight: the leverage mark and the number (a bare number in
 * a circle read like points). Screen readers hear "costs 2 leverage".
 */
export function CostBadge({ cost }: { cost: number }) {
  return (
    <span className="cost" title={t('common.costLabel', { count: cost })}>
      <span aria-hidden="true">
        <Icon name="leverage" /> {cost}
      </span>
      <span className="visually-hidden">{t('common.costLabel', { count: cost })}</span>
    </span>
  );
}
