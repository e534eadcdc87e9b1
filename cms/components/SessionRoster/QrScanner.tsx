'use client'
import { Button } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'
import { bookingCodeFromScan } from './api.ts'
import type { Strings } from './strings.ts'

/** The part of the Barcode Detection API used here (not yet in TypeScript's DOM types). */
type DetectedBarcode = { rawValue: string }
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> }
type BarcodeDetectorClass = {
  new (options: { formats: string[] }): BarcodeDetectorLike
  getSupportedFormats(): Promise<string[]>
}
const detectorClass = () => (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector

/** True once we know this browser can read QR codes from the camera (Chrome/Edge on Android, macOS, ChromeOS…). */
export function useQrScanSupport(): boolean {
  const [supported, setSupported] = useState(false)
  useEffect(() => {
    const Detector = detectorClass()
    if (!Detector || !navigator.mediaDevices?.getUserMedia) return
    let live = true
    Detector.getSupportedFormats()
      .then((formats) => live && setSupported(formats.includes('qr_code')))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return supported
}

type Props = { s: Strings; onCode: (code: string) => void; onError: (message: string) => void; onClose: () => void }

/** The camera preview: reads the first QR code it sees, hands over the booking code and closes. */
export function QrScanner({ s, onCode, onError, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null)
  const stop = useRef<HTMLButtonElement>(null)
  const handlers = useRef({ onCode, onError, onClose })
  handlers.current = { onCode, onError, onClose }

  useEffect(() => {
    const Detector = detectorClass()
    if (!Detector) return
    const detector = new Detector({ formats: ['qr_code'] })
    let stream: MediaStream | undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let done = false

    const scan = async () => {
      if (done || !video.current) return
      try {
        const [found] = video.current.readyState >= 2 ? await detector.detect(video.current) : []
        if (found?.rawValue && !done) {
          done = true
          handlers.current.onCode(bookingCodeFromScan(found.rawValue))
          handlers.current.onClose()
          return
        }
      } catch {
        // A frame that could not be read; try the next one.
      }
      timer = setTimeout(scan, 250)
    }

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media
        if (done || !video.current) return
        video.current.srcObject = media
        await video.current.play()
        scan()
      })
      .catch((error: unknown) => {
        handlers.current.onError(s.cameraFailed(error instanceof Error ? error.message : String(error)))
        handlers.current.onClose()
      })
    stop.current?.focus()

    return () => {
      done = true
      clearTimeout(timer)
      for (const track of stream?.getTracks() ?? []) track.stop()
    }
  }, [s])

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the camera from anywhere inside it
    <div
      className="session-roster__scanner"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <video ref={video} className="session-roster__video" muted playsInline aria-label={s.scanHint} />
      <p className="session-roster__hint">{s.scanHint}</p>
      <Button buttonStyle="secondary" size="small" margin={false} onClick={onClose} ref={stop}>
        {s.stopScan}
      </Button>
    </div>
  )
}
