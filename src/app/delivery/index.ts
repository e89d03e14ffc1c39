/** Proactive delivery: the send queue, its retry policy and rate windows, delivery records. */
export {
  SendQueue,
  teamsLimits,
  type DeliveryLogger,
  type DeliveryRequest,
  type SendLimits,
  type SendQueueDeps,
  type SendQueueOptions,
} from './send-queue';
export {
  DeliveryRecords,
  DELIVERY_STATUSES,
  deliveryKey,
  forumDeliveriesIndex,
  type DeliveryPage,
  type DeliveryRecord,
  type DeliveryStatus,
} from './delivery-records';
export { DEFAULT_RETRY, nextRetry, type RetryDecision, type RetryOptions } from './retry-policy';
export { RateWindows, type RateWindow } from './rate-windows';
export { systemTimers, type TimerHandle, type Timers } from './timers';
