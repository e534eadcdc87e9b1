import type { CollectionConfig } from 'payload'
import { lecturerTeams } from '../../../common/catalogue.ts'
import { t } from '../../../common/i18n.ts'
import { anyone } from '../../access/anyone.ts'
import { hasRole } from '../../access/hasRole.ts'
import { lecturerDispatchFields } from '../../dispatch/lecturerFields.ts'
import { slugField } from '../../fields/slug.ts'
import { marksSiteStale } from '../../publishing/markStale.ts'

export const Lecturers: CollectionConfig = {
  slug: 'lecturers',
  labels: { singular: t('讲师', 'Lecturer'), plural: t('讲师与专家', 'Lecturers and experts') },
  admin: {
    useAsTitle: 'name',
    group: t('福家大讲堂', 'Courses'),
    defaultColumns: ['code', 'name', 'team', 'title', 'organisation'],
  },
  defaultSort: 'code',
  access: {
    read: anyone,
    create: hasRole('coordinator'),
    update: hasRole('coordinator'),
    delete: hasRole('coordinator'),
  },
  hooks: marksSiteStale(),
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          label: t('编号', 'Code'),
          admin: {
            description: t('如 JS-001（讲师团）、ZK-001（智库），导入时据此更新', 'e.g. JS-001; imports update by it'),
          },
          validate: (v: string | null | undefined) =>
            /^[A-Z]{1,4}-\d{1,4}$/.test(v ?? '') || '编号格式如 JS-001：大写字母、连字符和数字',
        },
        { name: 'name', type: 'text', required: true, label: t('姓名', 'Name') },
      ],
    },
    slugField('name'),
    {
      name: 'team',
      type: 'select',
      required: true,
      options: [...lecturerTeams],
      label: t('所属团队', 'Team'),
      admin: { position: 'sidebar' },
    },
    { name: 'photo', type: 'upload', relationTo: 'media', label: t('照片', 'Photo') },
    { name: 'title', type: 'text', label: t('职称', 'Title') },
    { name: 'organisation', type: 'text', label: t('工作单位', 'Organisation') },
    { name: 'expertise', type: 'text', hasMany: true, label: t('擅长领域', 'Expertise') },
    { name: 'bio', type: 'textarea', maxLength: 600, label: t('简介', 'Biography') },
    {
      name: 'courses',
      type: 'join',
      collection: 'courses',
      on: 'lecturers',
      label: t('主讲课程', 'Courses'),
    },
    ...lecturerDispatchFields,
  ],
}
