<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="0" minScale="100000000" maxScale="0" labelsEnabled="0" simplifyDrawingHints="0" simplifyDrawingTol="1" simplifyLocal="1" simplifyAlgorithm="0" simplifyMaxScale="1" readOnly="0" symbologyReferenceScale="-1">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <renderer-v2 type="RuleRenderer" symbollevels="1" forceraster="0" enableorderby="1" referencescale="-1">
  <orderby>
   <orderByClause asc="1" nullsFirst="0">CASE WHEN "deadline_status" = 'overdue' THEN 3 WHEN "deadline_status" = 'warning' THEN 2 WHEN "state" IN ('closed', 'rejected') THEN 0 ELSE 1 END</orderByClause>
  </orderby>
  <rules key="{root}">
   <rule key="{group-0}" label="时限">
    <rule key="{rule-0-0}" label="超期" symbol="0" filter="&quot;deadline_status&quot; = 'overdue'" />
    <rule key="{rule-0-1}" label="预警" symbol="1" filter="&quot;deadline_status&quot; = 'warning'" />
   </rule>
   <rule key="{group-1}" label="状态">
    <rule key="{rule-1-0}" label="待受理" symbol="2" filter="&quot;state&quot; = 'reported'" />
    <rule key="{rule-1-1}" label="待派遣" symbol="3" filter="&quot;state&quot; = 'registered'" />
    <rule key="{rule-1-2}" label="不予立案" symbol="4" filter="&quot;state&quot; = 'rejected'" />
    <rule key="{rule-1-3}" label="待签收" symbol="5" filter="&quot;state&quot; = 'dispatched'" />
    <rule key="{rule-1-4}" label="已退回" symbol="6" filter="&quot;state&quot; = 'returned'" />
    <rule key="{rule-1-5}" label="处置中" symbol="7" filter="&quot;state&quot; = 'in_progress'" />
    <rule key="{rule-1-6}" label="延期待审" symbol="8" filter="&quot;state&quot; = 'extension_pending'" />
    <rule key="{rule-1-7}" label="挂账待审" symbol="9" filter="&quot;state&quot; = 'suspension_pending'" />
    <rule key="{rule-1-8}" label="已挂账" symbol="10" filter="&quot;state&quot; = 'suspended'" />
    <rule key="{rule-1-9}" label="待核查" symbol="11" filter="&quot;state&quot; = 'rectified'" />
    <rule key="{rule-1-10}" label="待结案" symbol="12" filter="&quot;state&quot; = 'verified'" />
    <rule key="{rule-1-11}" label="已结案" symbol="13" filter="&quot;state&quot; = 'closed'" />
   </rule>
  </rules>
  <symbols>
   <symbol alpha="1" force_rhr="0" name="0" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="229,57,53,0" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="229,57,53,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.6615" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="2.5135" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="229,57,53,0" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="229,57,53,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.6615" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="2.5135" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 2.5135, 1.9844)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="1" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,143,0,0" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="255,143,0,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.6615" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="2.5135" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,143,0,0" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="255,143,0,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.6615" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="2.5135" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 2.5135, 1.9844)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="2" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="122,139,168,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="122,139,168,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="122,139,168,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="122,139,168,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="3" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="59,125,216,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="59,125,216,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="59,125,216,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="59,125,216,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="4" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="158,158,158,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="158,158,158,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="158,158,158,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="158,158,158,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="5" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="243,156,18,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="243,156,18,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="243,156,18,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="243,156,18,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="6" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="160,82,45,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="160,82,45,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="160,82,45,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="160,82,45,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="7" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="230,184,0,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="230,184,0,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="230,184,0,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="230,184,0,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="8" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="211,84,0,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="211,84,0,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="211,84,0,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="211,84,0,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="9" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="142,68,173,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="142,68,173,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="142,68,173,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="142,68,173,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="10" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="108,52,131,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="108,52,131,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="108,52,131,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="108,52,131,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="11" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="22,160,133,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="22,160,133,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="22,160,133,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="22,160,133,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="12" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="39,174,96,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="39,174,96,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="39,174,96,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="39,174,96,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="13" type="marker" clip_to_extent="1">
    <data_defined_properties>
     <Option type="Map">
      <Option value="" name="name" type="QString" />
      <Option name="properties" />
      <Option value="collection" name="type" type="QString" />
     </Option>
    </data_defined_properties>
    <layer class="SimpleMarker" enabled="1" pass="1" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="149,201,154,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="149,201,154,0" name="outline_color" type="QString" />
      <Option value="no" name="outline_style" type="QString" />
      <Option value="0" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="149,201,154,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="149,201,154,0" />
     <prop k="outline_style" v="no" />
     <prop k="outline_width" v="0" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" type="Map">
        <Option name="size" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="if(@map_scale &lt; 18898, 1.8521, 1.3229)" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
        <Option name="enabled" type="Map">
         <Option value="true" name="active" type="bool" />
         <Option value="&quot;state&quot; NOT IN ('closed', 'rejected') OR @map_scale &lt; 15118" name="expression" type="QString" />
         <Option value="3" name="type" type="int" />
        </Option>
       </Option>
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
  </symbols>
 </renderer-v2>
 <blendMode>0</blendMode>
 <featureBlendMode>0</featureBlendMode>
 <layerOpacity>1</layerOpacity>
 <legend type="default-vector" showLabelLegend="0" />
 <aliases>
  <alias field="number" index="0" name="案卷号" />
  <alias field="id" index="1" name="编号" />
  <alias field="reported_at" index="2" name="上报时间" />
  <alias field="source" index="3" name="来源代码" />
  <alias field="kind" index="4" name="类型" />
  <alias field="class_code" index="5" name="小类代码" />
  <alias field="class_name" index="6" name="问题类别" />
  <alias field="state" index="7" name="状态代码" />
  <alias field="description" index="8" name="问题描述" />
  <alias field="address" index="9" name="地址" />
  <alias field="cell_code" index="10" name="网格编码" />
  <alias field="community_code" index="11" name="社区代码" />
  <alias field="street_code" index="12" name="街道代码" />
  <alias field="street" index="13" name="街道" />
  <alias field="external_id" index="14" name="热线工单号" />
  <alias field="deadline_at" index="15" name="处置时限" />
  <alias field="warning_at" index="16" name="预警时间" />
  <alias field="dispatched_at" index="17" name="派遣时间" />
  <alias field="rectified_at" index="18" name="处置时间" />
  <alias field="verified_at" index="19" name="核查时间" />
  <alias field="closed_at" index="20" name="结案时间" />
  <alias field="department" index="21" name="责任部门" />
  <alias field="road_chief" index="22" name="路长" />
  <alias field="return_count" index="23" name="退回次数" />
  <alias field="rework_count" index="24" name="返工次数" />
  <alias field="extension_count" index="25" name="延期次数" />
  <alias field="reopen_count" index="26" name="重开次数" />
  <alias field="supervision_count" index="27" name="督办次数" />
  <alias field="duplicate_of" index="28" name="重复于" />
  <alias field="satisfaction" index="29" name="满意度" />
  <alias field="updated_at" index="30" name="更新时间" />
  <alias field="time_limit_minutes" index="31" name="时限(工作分钟)" />
  <alias field="state_zh" index="32" name="状态" />
  <alias field="source_zh" index="33" name="来源" />
  <alias field="deadline_status" index="34" name="时限状态" />
  <alias field="assignee" index="35" name="责任单位" />
  <alias field="lon" index="36" name="经度" />
  <alias field="lat" index="37" name="纬度" />
 </aliases>
 <layerGeometryType>0</layerGeometryType>
</qgis>
