/** Supervision of live calls: listen / whisper / barge (ChanSpy) and recording control (MixMonitor). */
export const supervisionChannelNames = {
  invoke: ['supervision.watch', 'supervision.spy', 'supervision.spyMode', 'supervision.spyStop', 'supervision.record'],
  events: ['supervision.changed'],
  notify: [],
} as const
