"""Initial schema: places, people, catalog, calendar, cases, audit trail, photos.

The geometry SRID is the store's own (chosen at `gridapp init`), kept in meta.srid.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""
import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry

from gridapp.store.spatial import dialect_for

DEFAULT_SRID = 4547  # CGCS2000 / 3-degree Gauss-Kruger CM 114E (Wuhan)


def _geom(kind: str, srid: int, index: bool = True) -> Geometry:
    return Geometry(kind, srid=srid, spatial_index=index)


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    srid = int(op.get_context().config.attributes.get("srid") or DEFAULT_SRID)
    op.execute(dialect_for(bind.dialect.name).init_srid(srid))
    op.create_table('calendar_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_days'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('class_code', sa.String(length=5), nullable=False),
    sa.Column('catalog_version', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('cell_code', sa.String(length=15), nullable=True),
    sa.Column('community_code', sa.String(length=12), nullable=True),
    sa.Column('street_code', sa.String(length=9), nullable=True),
    sa.Column('segment_id', sa.Integer(), nullable=True),
    sa.Column('segment_distance', sa.Float(), nullable=True),
    sa.Column('road_chief_id', sa.Integer(), nullable=True),
    sa.Column('grid_worker_id', sa.Integer(), nullable=True),
    sa.Column('component_code', sa.String(length=16), nullable=True),
    sa.Column('reporter_id', sa.Integer(), nullable=False),
    sa.Column('reporter_contact', sa.Text(), nullable=False),
    sa.Column('external_id', sa.String(length=64), nullable=True),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=True),
    sa.Column('dispatched_at', sa.DateTime(), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('rectified_at', sa.DateTime(), nullable=True),
    sa.Column('verified_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('assignee_department_id', sa.Integer(), nullable=True),
    sa.Column('assignee_person_id', sa.Integer(), nullable=True),
    sa.Column('last_department_id', sa.Integer(), nullable=True),
    sa.Column('last_person_id', sa.Integer(), nullable=True),
    sa.Column('time_limit_minutes', sa.Integer(), nullable=True),
    sa.Column('deadline_at', sa.DateTime(), nullable=True),
    sa.Column('warning_at', sa.DateTime(), nullable=True),
    sa.Column('suspended_remaining_minutes', sa.Float(), nullable=True),
    sa.Column('pending_extension_minutes', sa.Integer(), nullable=True),
    sa.Column('rectifier_ids', sa.Text(), nullable=False),
    sa.Column('verifier_id', sa.Integer(), nullable=True),
    sa.Column('reject_reason', sa.String(length=24), nullable=True),
    sa.Column('duplicate_of', sa.Integer(), nullable=True),
    sa.Column('replied_at', sa.DateTime(), nullable=True),
    sa.Column('visited_at', sa.DateTime(), nullable=True),
    sa.Column('satisfaction', sa.String(length=16), nullable=True),
    sa.Column('return_count', sa.Integer(), nullable=False),
    sa.Column('rework_count', sa.Integer(), nullable=False),
    sa.Column('extension_count', sa.Integer(), nullable=False),
    sa.Column('reopen_count', sa.Integer(), nullable=False),
    sa.Column('supervision_count', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_assignee_department_id', ['assignee_department_id'], unique=False, sqlite_where=sa.text('assignee_department_id IS NOT NULL'), postgresql_where=sa.text('assignee_department_id IS NOT NULL'))
        batch_op.create_index('ix_cases_assignee_person_id', ['assignee_person_id'], unique=False, sqlite_where=sa.text('assignee_person_id IS NOT NULL'), postgresql_where=sa.text('assignee_person_id IS NOT NULL'))
        batch_op.create_index(batch_op.f('ix_cases_cell_code'), ['cell_code'], unique=False)
        batch_op.create_index('ix_cases_dup', ['class_code', 'reported_at'], unique=False)
        batch_op.create_index('ix_cases_duplicate_of', ['duplicate_of'], unique=False, sqlite_where=sa.text('duplicate_of IS NOT NULL'), postgresql_where=sa.text('duplicate_of IS NOT NULL'))
        batch_op.create_index('ix_cases_external_id', ['external_id'], unique=False, sqlite_where=sa.text('external_id IS NOT NULL'), postgresql_where=sa.text('external_id IS NOT NULL'))
        batch_op.create_index('ix_cases_segment_id', ['segment_id'], unique=False, sqlite_where=sa.text('segment_id IS NOT NULL'), postgresql_where=sa.text('segment_id IS NOT NULL'))
        batch_op.create_index('ix_cases_state_deadline', ['state', 'deadline_at'], unique=False)
        batch_op.create_index('ix_cases_updated_at', ['updated_at'], unique=False)

    op.create_table('communities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('street_code', sa.String(length=9), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('geom', _geom('MULTIPOLYGON', srid), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communities')),
    sa.UniqueConstraint('code', name=op.f('uq_communities_code'))
    )
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communities_street_code'), ['street_code'], unique=False)

    op.create_table('departments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('street_code', sa.String(length=9), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('code', name=op.f('uq_departments_code'))
    )
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_departments_street_code'), ['street_code'], unique=False)

    op.create_table('districts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=6), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('geom', _geom('MULTIPOLYGON', srid), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_districts')),
    sa.UniqueConstraint('code', name=op.f('uq_districts_code'))
    )

    op.create_table('grid_cells',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=15), nullable=False),
    sa.Column('community_code', sa.String(length=12), nullable=False),
    sa.Column('street_code', sa.String(length=9), nullable=False),
    sa.Column('area_m2', sa.Float(), nullable=False),
    sa.Column('cx', sa.Float(), nullable=False),
    sa.Column('cy', sa.Float(), nullable=False),
    sa.Column('geom', _geom('MULTIPOLYGON', srid), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_grid_cells')),
    sa.UniqueConstraint('code', name=op.f('uq_grid_cells_code'))
    )
    with op.batch_alter_table('grid_cells', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grid_cells_community_code'), ['community_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_grid_cells_street_code'), ['street_code'], unique=False)

    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('photos',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('mime', sa.String(length=32), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_photos'))
    )
    op.create_table('road_segments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('road_name', sa.Text(), nullable=False),
    sa.Column('road_class', sa.String(length=16), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('length_m', sa.Float(), nullable=False),
    sa.Column('geom', _geom('MULTILINESTRING', srid), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_road_segments')),
    sa.UniqueConstraint('code', name=op.f('uq_road_segments_code'))
    )

    op.create_table('streets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=9), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('geom', _geom('MULTIPOLYGON', srid), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_streets')),
    sa.UniqueConstraint('code', name=op.f('uq_streets_code'))
    )

    op.create_table('case_events',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('actor_role', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('from_state', sa.String(length=24), nullable=True),
    sa.Column('to_state', sa.String(length=24), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_events_case_id_cases')),
    sa.PrimaryKeyConstraint('case_id', 'seq', name=op.f('pk_case_events')),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.create_index('ix_case_events_at', ['at'], unique=False)

    op.create_table('case_photos',
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('phase', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_photos_case_id_cases')),
    sa.ForeignKeyConstraint(['sha256'], ['photos.sha256'], name=op.f('fk_case_photos_sha256_photos')),
    sa.PrimaryKeyConstraint('case_id', 'seq', 'sha256', name=op.f('pk_case_photos'))
    )
    op.create_table('components',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('class_code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('owner_department_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('geom', _geom('POINT', srid), nullable=True),
    sa.ForeignKeyConstraint(['owner_department_id'], ['departments.id'], name=op.f('fk_components_owner_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_components')),
    sa.UniqueConstraint('code', name=op.f('uq_components_code'))
    )
    with op.batch_alter_table('components', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_components_class_code'), ['class_code'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_people_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('username', name=op.f('uq_people_username'))
    )
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('target_code', sa.String(length=32), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('valid_from', sa.DateTime(), nullable=False),
    sa.Column('valid_to', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_assignments_department_id_departments')),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_assignments_person_id_people')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments'))
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index('ix_assignments_lookup', ['kind', 'target_code', 'valid_from'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_person_id'), ['person_id'], unique=False)

    op.create_table('catalog_versions',
    sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['people.id'], name=op.f('fk_catalog_versions_created_by_people')),
    sa.PrimaryKeyConstraint('version', name=op.f('pk_catalog_versions'))
    )
    op.create_table('person_roles',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_person_roles_person_id_people')),
    sa.PrimaryKeyConstraint('person_id', 'role', name=op.f('pk_person_roles'))
    )
    op.create_table('catalog_classes',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('large_code', sa.String(length=2), nullable=False),
    sa.Column('large_name', sa.Text(), nullable=False),
    sa.Column('department_code', sa.String(length=32), nullable=False),
    sa.Column('limit_amount', sa.Float(), nullable=False),
    sa.Column('limit_unit', sa.String(length=16), nullable=False),
    sa.Column('register_condition', sa.Text(), nullable=False),
    sa.Column('close_condition', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['version'], ['catalog_versions.version'], name=op.f('fk_catalog_classes_version_catalog_versions')),
    sa.PrimaryKeyConstraint('version', 'code', name=op.f('pk_catalog_classes'))
    )
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "srid", "value": str(srid)}])
    people = sa.table("people", sa.column("username", sa.String), sa.column("name", sa.Text),
                      sa.column("phone", sa.String), sa.column("active", sa.Boolean))
    # The system account records automatic acts (duplicate links); it cannot log in.
    op.bulk_insert(people, [{"username": "system", "name": "系统自动", "phone": "",
                             "active": True}])
    op.execute("INSERT INTO person_roles (person_id, role) "
               "SELECT id, 'acceptor' FROM people WHERE username = 'system'")


def downgrade() -> None:
    op.drop_table('catalog_classes')
    op.drop_table('person_roles')
    op.drop_table('catalog_versions')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assignments_person_id'))
        batch_op.drop_index('ix_assignments_lookup')

    op.drop_table('assignments')
    op.drop_table('people')
    with op.batch_alter_table('components', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_components_class_code'))

    op.drop_table('components')
    op.drop_table('case_photos')
    with op.batch_alter_table('case_events', schema=None) as batch_op:
        batch_op.drop_index('ix_case_events_at')

    op.drop_table('case_events')

    op.drop_table('streets')

    op.drop_table('road_segments')
    op.drop_table('photos')
    op.drop_table('meta')
    with op.batch_alter_table('grid_cells', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grid_cells_street_code'))
        batch_op.drop_index(batch_op.f('ix_grid_cells_community_code'))

    op.drop_table('grid_cells')

    op.drop_table('districts')
    with op.batch_alter_table('departments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_departments_street_code'))

    op.drop_table('departments')
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communities_street_code'))

    op.drop_table('communities')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_updated_at')
        batch_op.drop_index('ix_cases_state_deadline')
        batch_op.drop_index('ix_cases_segment_id', sqlite_where=sa.text('segment_id IS NOT NULL'), postgresql_where=sa.text('segment_id IS NOT NULL'))
        batch_op.drop_index('ix_cases_external_id', sqlite_where=sa.text('external_id IS NOT NULL'), postgresql_where=sa.text('external_id IS NOT NULL'))
        batch_op.drop_index('ix_cases_duplicate_of', sqlite_where=sa.text('duplicate_of IS NOT NULL'), postgresql_where=sa.text('duplicate_of IS NOT NULL'))
        batch_op.drop_index('ix_cases_dup')
        batch_op.drop_index(batch_op.f('ix_cases_cell_code'))
        batch_op.drop_index('ix_cases_assignee_person_id', sqlite_where=sa.text('assignee_person_id IS NOT NULL'), postgresql_where=sa.text('assignee_person_id IS NOT NULL'))
        batch_op.drop_index('ix_cases_assignee_department_id', sqlite_where=sa.text('assignee_department_id IS NOT NULL'), postgresql_where=sa.text('assignee_department_id IS NOT NULL'))

    op.drop_table('cases')
    op.drop_table('calendar_days')
