<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="AllStyleCategories" hasScaleBasedVisibilityFlag="1" minScale="11339" maxScale="0" labelsEnabled="0" simplifyDrawingHints="0" simplifyDrawingTol="1" simplifyLocal="1" simplifyAlgorithm="0" simplifyMaxScale="1" readOnly="0" symbologyReferenceScale="-1">
 <flags>
  <Identifiable>1</Identifiable>
  <Removable>1</Removable>
  <Searchable>1</Searchable>
  <Private>0</Private>
 </flags>
 <renderer-v2 attr="class_code" type="categorizedSymbol" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1">
  <categories>
   <category value="C0101" symbol="0" render="true" label="上水井盖" />
   <category value="C0102" symbol="1" render="true" label="污水井盖" />
   <category value="C0103" symbol="2" render="true" label="雨水井盖" />
   <category value="C0104" symbol="3" render="true" label="雨水箅子" />
   <category value="C0105" symbol="4" render="true" label="电力井盖" />
   <category value="C0106" symbol="5" render="true" label="路灯井盖" />
   <category value="C0107" symbol="6" render="true" label="通信井盖" />
   <category value="C0108" symbol="7" render="true" label="燃气井盖" />
   <category value="C0110" symbol="8" render="true" label="消防栓" />
   <category value="C0114" symbol="9" render="true" label="路灯" />
   <category value="C0203" symbol="10" render="true" label="公交站亭" />
   <category value="C0205" symbol="11" render="true" label="交通信号灯" />
   <category value="C0206" symbol="12" render="true" label="交通标志牌" />
   <category value="C0207" symbol="13" render="true" label="道路护栏" />
   <category value="C0301" symbol="14" render="true" label="公共厕所" />
   <category value="C0305" symbol="15" render="true" label="广告牌匾" />
   <category value="C0309" symbol="16" render="true" label="果皮箱" />
   <category value="C0402" symbol="17" render="true" label="行道树" />
   <category value="C0403" symbol="18" render="true" label="绿地" />
   <category value="C0404" symbol="19" render="true" label="护树设施" />
   <category value="C0501" symbol="20" render="true" label="宣传栏" />
   <category value="C0602" symbol="21" render="true" label="施工围挡" />
   <category value="" symbol="22" render="true" label="其他部件" />
  </categories>
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
      <Option value="31,120,180,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="31,120,180,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
      <Option value="140,86,75,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="140,86,75,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="23,190,207,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="23,190,207,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="23,190,207,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="square" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="23,190,207,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="square" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="214,39,40,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="214,39,40,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="241,196,15,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="241,196,15,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="148,103,189,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="148,103,189,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,127,14,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,127,14,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="192,57,43,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="triangle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="192,57,43,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="triangle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="255,212,0,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="star" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="255,212,0,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="star" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="44,127,184,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="square" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="44,127,184,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="square" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="44,160,44,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="diamond" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="44,160,44,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="diamond" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="31,119,180,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="diamond" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="31,119,180,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="diamond" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
    <layer class="SimpleMarker" enabled="1" pass="0" locked="0">
     <Option type="Map">
      <Option value="0" name="angle" type="QString" />
      <Option value="99,99,99,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="cross2" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="99,99,99,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.5292" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="99,99,99,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="cross2" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="99,99,99,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.5292" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="14" type="marker" clip_to_extent="1">
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
      <Option value="118,42,131,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="pentagon" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="118,42,131,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="pentagon" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="15" type="marker" clip_to_extent="1">
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
      <Option value="227,119,194,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="square" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="227,119,194,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="square" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="16" type="marker" clip_to_extent="1">
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
      <Option value="49,163,84,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="square" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="49,163,84,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="square" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="17" type="marker" clip_to_extent="1">
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
      <Option value="0,109,44,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="circle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="0,109,44,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="circle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="18" type="marker" clip_to_extent="1">
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
      <Option value="161,217,155,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="hexagon" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="161,217,155,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="hexagon" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="19" type="marker" clip_to_extent="1">
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
      <Option value="116,196,118,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="square" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="116,196,118,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="square" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="20" type="marker" clip_to_extent="1">
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
      <Option value="188,189,34,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="square" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="188,189,34,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="square" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="21" type="marker" clip_to_extent="1">
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
      <Option value="230,85,13,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="triangle" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="230,85,13,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="triangle" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
       <Option value="collection" name="type" type="QString" />
      </Option>
     </data_defined_properties>
    </layer>
   </symbol>
   <symbol alpha="1" force_rhr="0" name="22" type="marker" clip_to_extent="1">
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
      <Option value="127,127,127,255" name="color" type="QString" />
      <Option value="miter" name="joinstyle" type="QString" />
      <Option value="square" name="name" type="QString" />
      <Option value="0,0" name="offset" type="QString" />
      <Option value="MM" name="offset_unit" type="QString" />
      <Option value="51,51,51,255" name="outline_color" type="QString" />
      <Option value="solid" name="outline_style" type="QString" />
      <Option value="0.1587" name="outline_width" type="QString" />
      <Option value="MM" name="outline_width_unit" type="QString" />
      <Option value="diameter" name="scale_method" type="QString" />
      <Option value="1.8521" name="size" type="QString" />
      <Option value="MM" name="size_unit" type="QString" />
      <Option value="1" name="horizontal_anchor_point" type="QString" />
      <Option value="1" name="vertical_anchor_point" type="QString" />
     </Option>
     <prop k="angle" v="0" />
     <prop k="color" v="127,127,127,255" />
     <prop k="joinstyle" v="miter" />
     <prop k="name" v="square" />
     <prop k="offset" v="0,0" />
     <prop k="offset_unit" v="MM" />
     <prop k="outline_color" v="51,51,51,255" />
     <prop k="outline_style" v="solid" />
     <prop k="outline_width" v="0.1587" />
     <prop k="outline_width_unit" v="MM" />
     <prop k="scale_method" v="diameter" />
     <prop k="size" v="1.8521" />
     <prop k="size_unit" v="MM" />
     <prop k="horizontal_anchor_point" v="1" />
     <prop k="vertical_anchor_point" v="1" />
     <data_defined_properties>
      <Option type="Map">
       <Option value="" name="name" type="QString" />
       <Option name="properties" />
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
  <alias field="code" index="0" name="部件编码" />
  <alias field="class_code" index="1" name="小类代码" />
  <alias field="name" index="2" name="部件名称" />
  <alias field="owner" index="3" name="权属单位" />
  <alias field="status" index="4" name="状态" />
 </aliases>
 <layerGeometryType>0</layerGeometryType>
</qgis>
