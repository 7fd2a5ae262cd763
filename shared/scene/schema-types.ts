import type { ElementOfKind } from '../schema/elements.ts'

/** The element types the builders take, by kind. */
export type Actor = ElementOfKind<'actor'>
export type Use = ElementOfKind<'use'>
export type Link = ElementOfKind<'link'>
export type Phase = ElementOfKind<'phase'>
export type Note = ElementOfKind<'note'>
export type Zone = ElementOfKind<'zone'>
export type Frame = ElementOfKind<'frame'>
export type Image = ElementOfKind<'image'>
