import type { Clock } from '@fazhi/contracts';
import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { hasAction } from '../../../platform/access';
import { errorText } from '../../../platform/api';
import { formatDate } from '../../../platform/format';
import { amountLabel, useLabel, useT } from '../../../platform/i18n';
import { ProvisionalTag } from '../../calendar';
import { useClock } from '../api';
import { CompleteModal, EndPauseModal, ExtendModal, PauseModal } from './ClockActionModals';
import { ClockStatusTag, DaysLeft } from './ClockStatusTag';

type Dialog = 'pause' | 'endPause' | 'extend' | 'complete' | null;

/** One clock: its facts, pauses (中止/补正), extensions (延长) and the actions the server allows. */
export function ClockDetailDrawer({
  clockId,
  onClose,
}: {
  clockId: string | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const q = useClock(clockId);
  return (
    <Drawer
      open={!!clockId}
      onClose={onClose}
      size={720}
      title={q.data?.title ?? t('期限详情', 'Time limit')}
      destroyOnHidden
    >
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <Alert type="error" showIcon title={errorText(q.error)} />
      ) : (
        <ClockDetail clock={q.data} />
      )}
    </Drawer>
  );
}

function ClockDetail({ clock }: { clock: Clock }) {
  const t = useT();
  const label = useLabel();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pauseId, setPauseId] = useState<string | null>(null);
  const close = () => setDialog(null);
  const openPause = clock.pauses.find((p) => p.to === null);

  return (
    <Flex vertical gap="large" data-testid="clock-detail">
      <Flex wrap gap="small">
        {hasAction(clock, 'pause') && !openPause && (
          <Button onClick={() => setDialog('pause')} data-testid="clock-pause">
            {t('中止 / 补正', 'Suspend / correction')}
          </Button>
        )}
        {hasAction(clock, 'extend') && (
          <Button onClick={() => setDialog('extend')} data-testid="clock-extend">
            {t('延长', 'Extend')}
          </Button>
        )}
        {hasAction(clock, 'complete') && (
          <Button type="primary" onClick={() => setDialog('complete')} data-testid="clock-complete">
            {t('办结', 'Complete')}
          </Button>
        )}
      </Flex>
      {openPause && (
        <Alert
          type="warning"
          showIcon
          title={t(
            `自 ${openPause.from} 起${openPause.kind === 'suspend' ? '中止' : '补正'}，暂停计时`,
            `Paused since ${openPause.from}`,
          )}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          {
            key: 'status',
            label: t('状态', 'Status'),
            children: (
              <Flex gap="small">
                <ClockStatusTag status={clock.status} />
                <DaysLeft dueDate={clock.dueDate} status={clock.status} />
              </Flex>
            ),
          },
          { key: 'org', label: t('承办单位', 'Organisation'), children: clock.orgName },
          { key: 'startEvent', label: t('起算事件', 'Start event'), children: clock.startEvent },
          { key: 'startDate', label: t('起算日期', 'Start date'), children: formatDate(clock.startDate) },
          {
            key: 'amount',
            label: t('法定期限', 'Time limit'),
            children: label(amountLabel(clock.amount, clock.unit)),
          },
          {
            key: 'warning',
            label: t('提前预警', 'Warn before'),
            children: t(`${clock.warningDays} 天`, `${clock.warningDays} days`),
          },
          {
            key: 'due',
            label: t('到期日', 'Due date'),
            span: 2,
            children: (
              <Flex gap="small" align="center" wrap>
                <Typography.Text strong data-testid="clock-due-date">
                  {formatDate(clock.dueDate)}
                </Typography.Text>
                {clock.provisional && <ProvisionalTag />}
              </Flex>
            ),
          },
          { key: 'basis', label: t('法律依据', 'Legal basis'), span: 2, children: clock.legalBasis },
          {
            key: 'completed',
            label: t('办结日期', 'Completed on'),
            span: 2,
            children: formatDate(clock.completedOn),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('中止 / 补正', 'Suspensions / corrections')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={clock.pauses}
          data-testid="clock-pauses"
          columns={[
            {
              title: t('类型', 'Kind'),
              dataIndex: 'kind',
              width: 90,
              render: (k: string) => (
                <Tag>{k === 'suspend' ? t('中止', 'Suspension') : t('补正', 'Correction')}</Tag>
              ),
            },
            { title: t('开始', 'From'), dataIndex: 'from', width: 110, render: formatDate },
            {
              title: t('结束', 'To'),
              dataIndex: 'to',
              width: 110,
              render: (v: string | null) =>
                v ? formatDate(v) : <Tag color="processing">{t('进行中', 'Running')}</Tag>,
            },
            { title: t('原因', 'Reason'), dataIndex: 'reason' },
            {
              title: t('操作', 'Actions'),
              key: 'end',
              width: 90,
              render: (_v, p) =>
                p.to === null && hasAction(clock, 'endPause') ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      setPauseId(p.id);
                      setDialog('endPause');
                    }}
                    data-testid={`clock-end-pause-${p.id}`}
                  >
                    {t('恢复计时', 'Resume')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('延长', 'Extensions')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={clock.extensions}
          data-testid="clock-extensions"
          columns={[
            {
              title: t('延长', 'By'),
              key: 'amount',
              width: 130,
              render: (_v, e) => label(amountLabel(e.amount, e.unit)),
            },
            { title: t('批准人', 'Approver'), dataIndex: 'approver', width: 110 },
            { title: t('批准日期', 'Approved on'), dataIndex: 'approvedOn', width: 110, render: formatDate },
            { title: t('理由', 'Reason'), dataIndex: 'reason' },
          ]}
        />
      </div>
      <PauseModal clock={clock} open={dialog === 'pause'} onClose={close} />
      <EndPauseModal clock={clock} pauseId={pauseId} open={dialog === 'endPause'} onClose={close} />
      <ExtendModal clock={clock} open={dialog === 'extend'} onClose={close} />
      <CompleteModal clock={clock} open={dialog === 'complete'} onClose={close} />
    </Flex>
  );
}
