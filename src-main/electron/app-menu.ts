import { Menu, type MenuItemConstructorOptions } from 'electron'

/** A zoom step: in (+1), out (−1), back to 100 % (0). */
export type ZoomStep = (step: -1 | 0 | 1) => void

/**
 * The standard menu; the Edit roles are what make copy and paste work on macOS. Zoom is the
 * window keeper's (window-state.ts), not the roles', so the level is remembered: Ctrl/Cmd + (and =
 * on keyboards where + needs Shift), −, 0.
 */
export function installAppMenu(platform: NodeJS.Platform, isPackaged: boolean, zoom: ZoomStep): void {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        {
          label: 'Actual Size',
          accelerator: 'CommandOrControl+0',
          click: () => {
            zoom(0)
          },
        },
        {
          label: 'Zoom In',
          accelerator: 'CommandOrControl+Plus',
          click: () => {
            zoom(1)
          },
        },
        {
          label: 'Zoom In',
          accelerator: 'CommandOrControl+=',
          visible: false,
          acceleratorWorksWhenHidden: true,
          click: () => {
            zoom(1)
          },
        },
        {
          label: 'Zoom Out',
          accelerator: 'CommandOrControl+-',
          click: () => {
            zoom(-1)
          },
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
