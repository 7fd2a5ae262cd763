import type { BoardDocument } from '../schema/document.ts'
import { blankTemplate } from './blank.ts'
import { businessModelCanvasTemplate } from './business-model-canvas.ts'
import { combinationMatrixTemplate } from './combination-matrix.ts'
import { needsInventoryTemplate } from './needs-inventory.ts'
import { phasingRoadmapTemplate } from './phasing-roadmap.ts'
import { siteScanTemplate } from './site-scan.ts'
import { stakeholderMapTemplate } from './stakeholder-map.ts'
import type { TemplateContext } from './template-document.ts'
import { useMixTemplate } from './use-mix.ts'

/** The workshop-method templates, in the order a workshop series usually uses them (docs/templates.md). */
export const methodTemplates = {
  blank: blankTemplate,
  'site-scan': siteScanTemplate,
  'stakeholder-map': stakeholderMapTemplate,
  'needs-inventory': needsInventoryTemplate,
  'use-mix': useMixTemplate,
  'combination-matrix': combinationMatrixTemplate,
  'phasing-roadmap': phasingRoadmapTemplate,
  'business-model-canvas': businessModelCanvasTemplate,
} as const satisfies Record<string, (context?: TemplateContext) => BoardDocument>

export type MethodTemplateName = keyof typeof methodTemplates
export const methodTemplateNames = Object.keys(methodTemplates) as MethodTemplateName[]
