import { describe, expect, it } from 'vitest';
import {
  POLL_MS,
  startFramePump,
  type FramePumpHost,
  type FrameSource,
} from '../../renderer/scanning/frame-pump';

/** A video element whose frames the test presents one by one. */
function fakeVideo() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  const video: Required<FrameSource> = {
    requestVideoFrameCallback(callback) {
      callbacks.set(next, callback);
      return next++;
    },
    cancelVideoFrameCallback(handle) {
      callbacks.delete(handle);
    },
  };
  return {
    video,
    waiting: () => callbacks.size,
    present() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
  };
}

/** Timers the test runs by hand, and a page whose visibility it sets. */
function fakeHost() {
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  const state = { hidden: false };
  const host: FramePumpHost = {
    isHidden: () => state.hidden,
    setTimeout(callback, ms) {
      timers.set(next, { callback, ms });
      return next++;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  return {
    host,
    state,
    timers,
    tick() {
      const due = [...timers.values()];
      timers.clear();
      for (const timer of due) timer.callback();
    },
  };
}

describe('frame pump', () => {
  it('sends nothing before the camera shows a frame', () => {
    const camera = fakeVideo();
    let sent = 0;
    startFramePump(camera.video, () => (sent++, true), fakeHost().host);
    expect(sent).toBe(0);
    expect(camera.waiting()).toBe(1);
  });

  it('sends each new frame while the decoder keeps up', () => {
    const camera = fakeVideo();
    let sent = 0;
    const pump = startFramePump(camera.video, () => (sent++, true), fakeHost().host);
    for (let frame = 0; frame < 5; frame++) {
      camera.present();
      pump.release();
    }
    expect(sent).toBe(5);
  });

  it('keeps one frame in flight and sends the waiting frame as soon as the decoder answers', () => {
    const camera = fakeVideo();
    let sent = 0;
    const pump = startFramePump(camera.video, () => (sent++, true), fakeHost().host);
    camera.present();
    camera.present();
    camera.present();
    expect(sent).toBe(1);
    pump.release();
    expect(sent).toBe(2);
    // No frame came since: the decoder waits for the camera instead of decoding the same frame again.
    pump.release();
    expect(sent).toBe(2);
    camera.present();
    expect(sent).toBe(3);
  });

  it('stays free when there was nothing to send (the video has no size yet)', () => {
    const camera = fakeVideo();
    let ready = false;
    let sent = 0;
    startFramePump(camera.video, () => (ready ? (sent++, true) : false), fakeHost().host);
    camera.present();
    ready = true;
    camera.present();
    expect(sent).toBe(1);
  });

  it('sends nothing while the page is hidden and resumes with the next frame', () => {
    const camera = fakeVideo();
    const page = fakeHost();
    let sent = 0;
    const pump = startFramePump(camera.video, () => (sent++, true), page.host);
    page.state.hidden = true;
    camera.present();
    pump.release();
    expect(sent).toBe(0);
    page.state.hidden = false;
    camera.present();
    expect(sent).toBe(1);
  });

  it('stops watching the camera when stopped, even with an answer still to come', () => {
    const camera = fakeVideo();
    let sent = 0;
    const pump = startFramePump(camera.video, () => (sent++, true), fakeHost().host);
    camera.present();
    camera.present();
    pump.stop();
    expect(camera.waiting()).toBe(0);
    pump.release();
    expect(sent).toBe(1);
  });

  it('without frame callbacks looks at the video at the camera rate, only while the decoder is free', () => {
    const page = fakeHost();
    let sent = 0;
    const pump = startFramePump({}, () => (sent++, true), page.host);
    expect([...page.timers.values()].map((t) => t.ms)).toEqual([POLL_MS]);
    page.tick();
    page.tick();
    expect(sent).toBe(1);
    pump.release();
    expect(sent).toBe(2);
    pump.stop();
    expect(page.timers.size).toBe(0);
  });
});
