"""Chinese names for a plausible district: people, streets, communities, roads, places."""

from __future__ import annotations

import random

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于"
            "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹"
            "薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力宁斌波鹏飞"
         "峰雪梅琳晨曦浩宇俊凯婷颖欣怡佳慧志国庆海燕春秋冬松柏林森金银凤云山川江河")
PLACE = ("大智 一元 车站 四唯 永清 球场 二七 新村 塔子湖 百步亭 后湖 丹水池 谌家矶 劳动 西马 "
         "花桥 台北 新华 万松 唐家墩 常青 北湖 汉兴 民族 满春 前进 民权 水塔 花楼 汉正 长丰 "
         "紫阳 首义 中华 积玉桥 杨园 徐家棚 白沙洲 南湖 珞珈 东湖 卓刀泉 关山 狮子山 洪山 "
         "青山 红钢城 冶金 工人村 钢花 武东 白玉山 建设 解放 中山 京汉 沿江 黄浦 三阳 天津 "
         "胜利 合作 兴业 惠济 澳门 蔡锷 岳飞 黎黄陂 鄱阳 洞庭 江汉 友谊 光华 和平 幸福 "
         "育才 青年 学府 科技 兴隆 龙王庙 晴川 月湖 琴台 汉阳 归元 钟家村 鹦鹉 长江 汉水 "
         "滨江 临江 望江 观澜 翠微 玉带 锦绣 丰收 秀水 春晖 桃源 竹林 梅园 荷花 芳草 常乐").split()
ROAD_SUFFIX = {"main": "大道", "secondary": "路", "branch": ("街", "巷", "支路")}
DISTRICT_CODE = "420120"
DISTRICT_NAME = "江滨区"


class Namer:
    """Deterministic unique names from a seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self._places = list(PLACE)
        rng.shuffle(self._places)
        self._next = 0

    def _place(self) -> str:
        """Base names first, then variants: 东/西/新… prefixes, 一/二/三… numbers, blends."""
        n = len(self._places)
        p = self._places[self._next % n]
        generation = self._next // n
        self._next += 1
        if generation == 1:
            p = self.rng.choice("东西南北新老上下前后") + p
        elif generation == 2:
            p = p + self.rng.choice("一二三四五六七八九")
        elif generation >= 3:
            p = self.rng.choice(self._places)[:1] + p[-1:] + self.rng.choice("一二三四五六七八九")
        return p

    def unique(self, make) -> str:
        for _ in range(1000):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("name pool exhausted")

    def person(self) -> str:
        return self.unique(lambda: self.rng.choice(SURNAMES) + "".join(
            self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2)))))

    def street(self) -> str:
        return self.unique(lambda: self._place() + "街")

    def community(self) -> str:
        return self.unique(lambda: self._place() + "社区")

    def road(self, road_class: str) -> str:
        suffix = ROAD_SUFFIX[road_class]
        return self.unique(lambda: self._place() + (self.rng.choice(suffix)
                                                     if isinstance(suffix, tuple) else suffix))
