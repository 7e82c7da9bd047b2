import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('../../support/electron-mock')).makeElectronMock())

import * as electron from 'electron'
import type { MenuItemConstructorOptions } from 'electron'
import { installAppMenu, menuTemplate, type MenuActions } from '../../../src-main/electron/menu'
import { VIEW_KEYS } from '../../../src-preload/types/views'

const mock = electron as unknown as ReturnType<typeof import('../../support/electron-mock').makeElectronMock>
const actions = () => ({ zoom: vi.fn<MenuActions['zoom']>(), command: vi.fn<MenuActions['command']>() })
const submenu = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
  template.find((m) => m.label === label || m.role === label)!.submenu as MenuItemConstructorOptions[]
const click = (item: MenuItemConstructorOptions): void => {
  ;(item.click as () => void)()
}

describe('the application menu', () => {
  it('on macOS: the app menu first, then File, Edit, View, Window and Help with their standard roles', () => {
    const template = menuTemplate('darwin', true, actions())
    expect(template.map((m) => m.role ?? m.label)).toEqual(['appMenu', 'fileMenu', 'Edit', 'View', 'windowMenu', 'help'])
    expect(submenu(template, 'Edit').map((i) => i.role ?? i.type)).toEqual([
      'undo',
      'redo',
      'separator',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ])
  })

  it('on Windows: no app menu; Help holds About', () => {
    const template = menuTemplate('win32', true, actions())
    expect(template.map((m) => m.role ?? m.label)).toEqual(['fileMenu', 'Edit', 'View', 'windowMenu', 'help'])
    expect(submenu(template, 'Edit').map((i) => i.role ?? i.type)).toContain('copy')
    expect(submenu(template, 'help').some((i) => i.role === 'about')).toBe(true)
  })

  it('lists every screen under View with its Alt key, from the table the renderer’s sidebar is built to', () => {
    const a = actions()
    const view = submenu(menuTemplate('win32', true, a), 'View')
    const screens = view.filter((i) => typeof i.accelerator === 'string' && i.accelerator.startsWith('Alt+'))
    expect(screens.map((i) => [i.label, i.accelerator])).toEqual(VIEW_KEYS.map((v) => [v.label, `Alt+${v.altKey}`]))
    expect(screens.map((i) => i.label)).toEqual(expect.arrayContaining(['Queues', 'History', 'Admin', 'Configuration']))
    for (const item of screens) click(item)
    expect(a.command.mock.calls.map(([c]) => c)).toEqual(VIEW_KEYS.map((v) => ({ kind: 'view', view: v.id })))
  })

  it('leaves the Alt keys to the window on Windows and Linux (shown, not registered); macOS registers them', () => {
    const screens = (platform: NodeJS.Platform) =>
      submenu(menuTemplate(platform, true, actions()), 'View').filter((i) => i.accelerator?.startsWith('Alt+'))
    expect(screens('win32').every((i) => i.registerAccelerator === false)).toBe(true)
    expect(screens('linux').every((i) => i.registerAccelerator === false)).toBe(true)
    expect(screens('darwin').every((i) => i.registerAccelerator === true)).toBe(true)
  })

  it('Help → Keyboard Shortcuts asks the window for its keyboard help', () => {
    const a = actions()
    const help = submenu(menuTemplate('darwin', true, a), 'help')
    click(help.find((i) => i.label === 'Keyboard Shortcuts')!)
    expect(a.command).toHaveBeenCalledWith({ kind: 'help' })
  })

  it('has the developer tools only while unpackaged, and installs itself as the application menu', () => {
    expect(submenu(menuTemplate('win32', true, actions()), 'View').some((i) => i.role === 'toggleDevTools')).toBe(false)
    expect(submenu(menuTemplate('win32', false, actions()), 'View').some((i) => i.role === 'toggleDevTools')).toBe(true)
    installAppMenu('darwin', true, actions())
    expect(mock.Menu.setApplicationMenu).toHaveBeenCalledWith(mock.Menu.buildFromTemplate.mock.results.at(-1)!.value)
  })
})
