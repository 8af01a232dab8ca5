import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useScanBus } from '../app/scan-bus';
import { startCameraScanner, type CameraError } from './camera-scanner';

/** The PC's camera as a scanner: decoded labels go where wedge scans go. */
export function CameraPanel({ onClose }: { onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const publish = useScanBus((s) => s.publish);
  const [problem, setProblem] = useState<CameraError>();
  const [last, setLast] = useState<string>();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    if (video.current) {
      void startCameraScanner(video.current, (text) => {
        setLast(text);
        publish({ raw: text, text, durationMs: 0, source: 'camera' });
      }).then((scanner) => {
        if ('stop' in scanner) {
          if (cancelled) scanner.stop();
          else stop = () => scanner.stop();
        } else setProblem(scanner);
      });
    }
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [publish]);
  return (
    <Paper withBorder p="sm" data-testid="camera-panel">
      <Stack gap="xs">
        <video
          hidden={problem !== undefined}
          ref={video}
          width={320}
          height={240}
          playsInline
          aria-label="Camera view"
          style={{ background: '#000' }}
        />
        {problem && (
          <Alert color="orange" role="alert">
            {problem.message}
          </Alert>
        )}
        {/* With no camera there is nothing to hold a label in front of: the problem alone shows. */}
        {!problem && (
          <Text fz="md" data-testid="camera-last">
            {last
              ? `Read: ${last.length} characters`
              : 'Hold the label steady in front of the camera.'}
          </Text>
        )}
        <Button variant="default" onClick={onClose}>
          Close camera
        </Button>
      </Stack>
    </Paper>
  );
}
